"""Background work of the printing side, run by the task worker (manage.py db_worker)."""

from django_tasks import task

from .documents import document_store_pdf


@task()
def document_render_pdf(document_pk: int) -> str:
    """Render an issued document's PDF and store it; returns the stored file's name."""
    return document_store_pdf(document_pk=document_pk)
