"""Background work of the printing side, run by the task worker (manage.py db_worker)."""

from datetime import timedelta

from django_tasks import task

from django.utils import timezone

from .documents import document_store_pdf
from .registers import register_store_pdf
from .reviews.printing import review_store_pdf
from .summaries.printing import summary_store_pdf

RETRIES = 3


@task()
def document_render_pdf(document_pk: int, attempt: int = 1) -> str:
    """Render, sign and store an issued document's PDF; a failure is recorded on the document
    and retried later, up to RETRIES times, when the queue can defer work."""
    try:
        return document_store_pdf(document_pk=document_pk)
    except Exception:
        backend = document_render_pdf.get_backend()
        if attempt < RETRIES and backend.supports_defer:
            later = timezone.now() + timedelta(seconds=30 * attempt)
            document_render_pdf.using(run_after=later).enqueue(document_pk, attempt + 1)
        raise


@task()
def register_render_pdf(print_pk: int) -> None:
    """Print an outgoing register; the staff page links to it when it is ready."""
    register_store_pdf(print_pk=print_pk)


@task()
def summary_render_pdf(print_pk: int) -> None:
    """Print the summary report; the dashboard links to it when it is ready."""
    summary_store_pdf(print_pk=print_pk)


@task()
def directive_review_render_pdf(review_pk: int) -> None:
    """Print a periodic review of a document's tasks; its follow-up page links to it."""
    review_store_pdf(review_pk=review_pk)
