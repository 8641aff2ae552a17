"""The audit trail of warning runs: one row per action, never edited or deleted."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.audit import MachineEvent

from .run import WarningRun
from .states import WarningRunState

ACTION_LABELS = {
    "create": _("created the run"),
    "add": _("added a facility"),
    "remove": _("removed a facility"),
    "restore": _("put a facility back"),
    "submit": _("sent it for review"),
    "approve": _("approved it for signature"),
    "return_to_preparer": _("returned it to the preparer"),
    "issue": _("signed and issued the letters"),
    "response": _("recorded a facility's response"),
    "render_again": _("asked for the letters to be printed again"),
}


class WarningRunEvent(MachineEvent):
    run = models.ForeignKey(
        WarningRun, verbose_name=_("warning run"), on_delete=models.PROTECT, related_name="events"
    )
    facility_code = models.CharField(_("facility"), max_length=10, blank=True)
    action = models.CharField(_("action"), max_length=40)

    action_labels = ACTION_LABELS
    states = WarningRunState

    class Meta(MachineEvent.Meta):
        verbose_name = _("warning run event")
        verbose_name_plural = _("warning run events")

    def __str__(self) -> str:
        return f"{self.run_id}: {self.action}"
