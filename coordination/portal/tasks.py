from django_tasks import task

from .publishing import document_page_publish


@task()
def document_page_publish_task(document_pk: int) -> int:
    """Publish (or refresh) an issued document's portal page; returns the page's id."""
    return document_page_publish(document_pk=document_pk).pk
