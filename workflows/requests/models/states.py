from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestState(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting to be assigned")
    ASSIGNED = "assigned", _("Being handled")
    WAITING_FOR_REQUESTER = "waiting_for_requester", _("More information asked")
    ANSWERED = "answered", _("Answered")
    ACCEPTED = "accepted", _("Accepted")


# The receiving unit owes the next step; the deadline runs.
RECEIVER_STATES = (RequestState.SUBMITTED, RequestState.ASSIGNED)
# Not yet accepted: someone still has something to do.
OPEN_STATES = (*RECEIVER_STATES, RequestState.WAITING_FOR_REQUESTER, RequestState.ANSWERED)


class RequestUrgency(models.TextChoices):
    NORMAL = "normal", _("Normal")
    URGENT = "urgent", _("Urgent")
    VERY_URGENT = "very_urgent", _("Very urgent")
