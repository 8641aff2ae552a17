"""Comments on a version: threaded, resolvable, internal to the drafting agency or shared."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency


class CommentVisibility(models.TextChoices):
    INTERNAL = "internal", _("Internal (drafting agency only)")
    SHARED = "shared", _("Shared with the other agency")


class DocumentComment(models.Model):
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="comments",
    )
    version = models.ForeignKey(
        "documents.DocumentVersion",
        verbose_name=_("version"),
        on_delete=models.PROTECT,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT
    )
    author_agency = models.ForeignKey(
        Agency, verbose_name=_("author's agency"), on_delete=models.PROTECT, related_name="+"
    )
    visibility = models.CharField(
        _("visible to"),
        max_length=10,
        choices=CommentVisibility.choices,
        default=CommentVisibility.INTERNAL,
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    resolved_at = models.DateTimeField(_("resolved"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return f"{self.document_id}: {self.body[:40]}"

    @property
    def is_resolved(self) -> bool:
        return self.resolved_at is not None
