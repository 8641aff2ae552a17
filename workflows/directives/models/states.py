from django.db import models
from django.utils.translation import gettext_lazy as _


class TaskFrequency(models.TextChoices):
    """How often the addressees report; the reporting periods follow from it."""

    ONCE = "once", _("Once, by the due date")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    HALF_YEARLY = "half_yearly", _("Half-yearly")
    YEARLY = "yearly", _("Yearly")


class TaskState(models.TextChoices):
    OPEN = "open", _("Open")
    CANCELLED = "cancelled", _("Cancelled")


class AssignmentState(models.TextChoices):
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    WITHDRAWN = "withdrawn", _("Taken back")


class ReviewStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
