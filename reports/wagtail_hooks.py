from django.urls import path

from wagtail import hooks

from workflows.documents.models import Document, PdfStatus

from . import views, warning_hooks  # noqa: F401 (warning_hooks registers the warning-run hooks)
from .tasks import document_render_pdf


@hooks.register("document_issued")
def render_issued_document(document_pk: int) -> None:
    Document.objects.filter(pk=document_pk).update(pdf_status=PdfStatus.PENDING)
    document_render_pdf.enqueue(document_pk)


@hooks.register("register_admin_urls")
def register_print_urls() -> list:
    return [
        path(
            "print/documents/<int:pk>/preview/",
            views.document_preview,
            name="reports_document_preview",
        ),
        path("print/documents/<int:pk>/pdf/", views.document_pdf, name="reports_document_pdf"),
    ]
