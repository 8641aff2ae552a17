from django.db import models
from django.utils.translation import gettext_lazy as _


class WarningRunState(models.TextChoices):
    PREPARING = "preparing", _("Preparing")
    IN_REVIEW = "in_review", _("In review")
    AWAITING_SIGNATURE = "awaiting_signature", _("Awaiting signature")
    ISSUED = "issued", _("Issued")
