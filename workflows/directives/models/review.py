"""A periodic review of a document's tasks, printed as a report (BÁO CÁO) by the worker."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .states import ReviewStatus


class DirectiveReview(models.Model):
    document = models.ForeignKey(
        "documents.Document",
        verbose_name=_("document"),
        on_delete=models.PROTECT,
        related_name="directive_reviews",
    )
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReviewStatus.choices, default=ReviewStatus.PENDING
    )
    pdf = models.FileField(_("PDF"), upload_to="reviews/%Y/", blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")),
                name="review_ends_after_start",
            )
        ]
        verbose_name = _("printed review")
        verbose_name_plural = _("printed reviews")

    def __str__(self) -> str:
        return f"{self.document_id} {self.starts_on}–{self.ends_on}"
