"""The audit trail: one row per action on a document, never edited or deleted."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from workflows.audit import MachineEvent

from .states import DocumentState

ACTION_LABELS = {
    "create": _("created the draft"),
    "edit": _("edited the draft"),
    "submit": _("sent it for review"),
    "approve": _("approved it"),
    "appraise": _("appraised it as lawful"),
    "agree": _("finished the counterpart review"),
    "return_to_drafter": _("returned it to the drafter"),
    "sign_first": _("signed it for their agency"),
    "sign": _("signed it"),
    "issue": _("issued it with a number"),
    "withdraw": _("withdrew the draft"),
    "amend": _("recorded that a later document amends it"),
    "supersede": _("recorded that a later document supersedes it"),
    "revoke": _("recorded that a later document revokes it"),
    "record": _("recorded it as issued before the system"),
    "take": _("took the step"),
    "deadline": _("changed the step's deadline"),
    "escalate": _("flagged the step as overdue"),
}


class DocumentEvent(MachineEvent):
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="events",
    )
    action = models.CharField(_("action"), max_length=40)

    action_labels = ACTION_LABELS
    states = DocumentState

    class Meta(MachineEvent.Meta):
        verbose_name = _("document event")
        verbose_name_plural = _("document events")

    def __str__(self) -> str:
        return f"{self.document_id}: {self.action} ({self.source_state} → {self.target_state})"

    @property
    def source_label(self) -> str:
        return str(DocumentState(self.source_state).label)
