from wagtail import hooks

from .tasks import document_page_publish_task


@hooks.register("document_issued")
def publish_issued_document(document_pk: int) -> None:
    document_page_publish_task.enqueue(document_pk)
