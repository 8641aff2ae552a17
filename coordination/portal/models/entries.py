"""What the portal keeps about a published document outside Wagtail's page revisions: the
folded search text, the facts listings filter on, the relations between documents. Re-publishing
an old revision of a page changes none of it."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency

from .pages import DocumentPage


class Topic(models.Model):
    """A subject readers browse by: coverage, payment, verification, pharmaceuticals…"""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def __str__(self) -> str:
        return self.name


class DocumentStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    NOT_YET = "not_yet", _("Not yet in force")
    AMENDED = "amended", _("Partly amended")
    SUPERSEDED = "superseded", _("Superseded")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")


class RelationKind(models.TextChoices):
    AMENDS = "amends", _("amends")
    SUPERSEDES = "supersedes", _("supersedes")
    REVOKES = "revokes", _("revokes")
    IMPLEMENTS = "implements", _("implements")


class DocumentEntry(models.Model):
    """The search and listing record of a live document page, rebuilt on every publish."""

    page = models.OneToOneField(
        DocumentPage, primary_key=True, on_delete=models.CASCADE, related_name="entry"
    )
    number_key = models.CharField(_("folded number"), max_length=80, db_index=True)
    heading = models.TextField(_("folded type, number and subject"))
    text = models.TextField(_("folded full text"))
    kind = models.CharField(_("type"), max_length=30, blank=True, db_index=True)
    agency = models.ForeignKey(
        Agency, verbose_name=_("issuing agency"), null=True, on_delete=models.SET_NULL
    )
    issued_on = models.DateField(_("issue date"), null=True, db_index=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, db_index=True)
    sort_on = models.DateField(_("listed on"), help_text=_("The issue date, else publication."))
    in_force_from = models.DateField(_("in force from"), null=True)
    expires_on = models.DateField(_("no longer in force from"), null=True)
    views = models.PositiveIntegerField(_("views"), default=0)
    indexed_at = models.DateTimeField(_("indexed"), auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["-sort_on", "-page"], name="portal_entry_newest")]
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self) -> str:
        return self.number_key or str(self.page_id)


class DocumentRelation(models.Model):
    """'source amends/supersedes/revokes/implements target', between two document pages."""

    source = models.ForeignKey(
        DocumentPage,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="relations_out",
    )
    kind = models.CharField(_("relation"), max_length=20, choices=RelationKind.choices)
    target = models.ForeignKey(
        DocumentPage,
        verbose_name=_("related document"),
        on_delete=models.CASCADE,
        related_name="relations_in",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "kind", "target"], name="one_relation"),
            models.CheckConstraint(
                condition=~models.Q(source=models.F("target")), name="relation_not_to_itself"
            ),
        ]
        indexes = [models.Index(fields=["target", "kind"])]
        verbose_name = _("relation between documents")
        verbose_name_plural = _("relations between documents")

    def __str__(self) -> str:
        return f"{self.source.title} – {self.get_kind_display()} – {self.target.title}"


def _generation_token() -> str:
    """A new row's random token: a database restored or rolled back never meets the pages
    cached for another."""
    return secrets.token_hex(8)


class PortalGeneration(models.Model):
    """One row whose number grows whenever something public changes; cached pages are keyed by
    it, so every process sees a publish at once whatever the cache backend."""

    number = models.PositiveBigIntegerField(default=0)
    token = models.CharField(max_length=16, default=_generation_token)

    class Meta:
        verbose_name = _("portal generation")

    def __str__(self) -> str:
        return str(self.number)
