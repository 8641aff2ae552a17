"""Printing a periodic review in the worker; a failure is kept with its reason."""

from django.core.files.base import ContentFile
from django.utils import timezone

from workflows.directives.models import DirectiveReview, ReviewStatus

from ..documents import snapshot_html
from ..render import render_pdf
from .report import review_snapshot


def review_store_pdf(*, review_pk: int) -> None:
    review = DirectiveReview.objects.select_related(
        "document__agency__parent", "document__unit"
    ).get(pk=review_pk)
    try:
        snapshot = review_snapshot(
            review.document, starts_on=review.starts_on, ends_on=review.ends_on
        )
        pdf = render_pdf(snapshot_html(snapshot))
    except Exception as exc:
        DirectiveReview.objects.filter(pk=review_pk).update(
            status=ReviewStatus.FAILED, error=f"{type(exc).__name__}: {exc}"
        )
        raise
    name = f"bao-cao-{review.document.file_stem}-{timezone.localdate():%Y%m%d}.pdf"
    review.pdf.save(name, ContentFile(pdf), save=False)
    review.status = ReviewStatus.READY
    review.save(update_fields=["pdf", "status"])
