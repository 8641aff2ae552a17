"""The audit trail of an incoming document: one row per action, never edited or deleted."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Unit
from workflows.audit import AuditRow

from .states import IncomingState

ACTION_LABELS = {
    "import": _("registered the package"),
    "accept": _("accepted it"),
    "return_to_sender": _("returned it to the sender"),
    "assign": _("assigned it"),
    "start": _("started on it"),
    "complete": _("completed it"),
}


class IncomingEvent(AuditRow):
    incoming = models.ForeignKey(
        "exchange.IncomingDocument",
        verbose_name=_("incoming document"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    action = models.CharField(_("action"), max_length=20)
    source_state = models.CharField(_("from"), max_length=20)
    target_state = models.CharField(_("to"), max_length=20)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.PROTECT, related_name="+"
    )
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
    comment = models.TextField(_("comment"), blank=True)
    revision = models.PositiveIntegerField(_("revision after"))
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("incoming document event")
        verbose_name_plural = _("incoming document events")

    def __str__(self) -> str:
        return f"{self.incoming_id}: {self.action} ({self.source_state} → {self.target_state})"

    @property
    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))

    @property
    def target_label(self) -> str:
        return str(IncomingState(self.target_state).label)
