"""How an issued document acts on earlier ones. Issuing the later document applies it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RelationKind(models.TextChoices):
    AMENDS = "amends", _("amends")
    SUPERSEDES = "supersedes", _("supersedes")
    REVOKES = "revokes", _("revokes")
    IMPLEMENTS = "implements", _("implements")


# The earlier document's transition each kind triggers when the later one is issued.
TARGET_TRANSITION = {
    RelationKind.AMENDS: "amend",
    RelationKind.SUPERSEDES: "supersede",
    RelationKind.REVOKES: "revoke",
}
INVERSE_LABEL = {
    RelationKind.AMENDS: _("amended by"),
    RelationKind.SUPERSEDES: _("superseded by"),
    RelationKind.REVOKES: _("revoked by"),
    RelationKind.IMPLEMENTS: _("implemented by"),
}


class DocumentRelation(models.Model):
    source = models.ForeignKey(
        "documents.Document",
        verbose_name=_("later document"),
        on_delete=models.PROTECT,
        related_name="relations",
    )
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        "documents.Document",
        verbose_name=_("earlier document"),
        on_delete=models.PROTECT,
        related_name="inverse_relations",
    )
    applied_at = models.DateTimeField(_("applied"), null=True, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["source", "target"], name="document_relation_once_per_pair"
            ),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")),
                name="document_relation_not_to_itself",
            ),
        ]
        verbose_name = _("relation")
        verbose_name_plural = _("relations")

    def __str__(self) -> str:
        return f"{self.source_id} {self.kind} {self.target_id}"

    @property
    def inverse_label(self) -> str:
        return str(INVERSE_LABEL[RelationKind(self.kind)])
