"""The audit trail of an incoming document: one row per action, never edited or deleted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Unit
from workflows.audit import MachineEvent

from .states import IncomingState

ACTION_LABELS = {
    "import": _("registered the package"),
    "accept": _("accepted it"),
    "return_to_sender": _("returned it to the sender"),
    "assign": _("assigned it"),
    "start": _("started on it"),
    "complete": _("completed it"),
}


class IncomingEvent(MachineEvent):
    incoming = models.ForeignKey(
        "exchange.IncomingDocument",
        verbose_name=_("incoming document"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    source_state = models.CharField(_("from"), max_length=20)
    target_state = models.CharField(_("to"), max_length=20)
    to_unit = models.ForeignKey(
        Unit,
        verbose_name=_("assigned unit"),
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
    states = IncomingState

    class Meta(MachineEvent.Meta):
        verbose_name = _("incoming document event")
        verbose_name_plural = _("incoming document events")

    def __str__(self) -> str:
        return f"{self.incoming_id}: {self.action} ({self.source_state} → {self.target_state})"
