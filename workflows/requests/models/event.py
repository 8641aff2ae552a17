"""The audit trail of a request: one row per action, never edited or deleted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Unit
from workflows.audit import MachineEvent

from .states import RequestState

ACTION_LABELS = {
    "create": _("raised the request"),
    "assign": _("assigned it"),
    "forward": _("forwarded it to another unit"),
    "answer": _("answered it"),
    "ask": _("asked the requester for more information"),
    "reply": _("gave the information asked for"),
    "accept": _("accepted the answer"),
    "reopen": _("reopened it"),
    "link": _("linked a document that answers it"),
    "draft": _("started a draft document that will answer it"),
    "answer_document": _("answered it with an issued document"),
    "escalate": _("flagged it as overdue"),
}


class RequestEvent(MachineEvent):
    request = models.ForeignKey(
        "requests.CoordinationRequest",
        verbose_name=_("request"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("receiving unit"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The unit that held the request when this was done."),
    )
    to_unit = models.ForeignKey(
        Unit,
        verbose_name=_("forwarded to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    to_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    action_labels = ACTION_LABELS
    states = RequestState

    class Meta(MachineEvent.Meta):
        indexes = [models.Index(fields=["unit", "request"], name="request_event_unit")]
        verbose_name = _("request event")
        verbose_name_plural = _("request events")

    def __str__(self) -> str:
        return f"{self.request_id}: {self.action} ({self.source_state} → {self.target_state})"
