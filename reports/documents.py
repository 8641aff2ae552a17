"""Printing a workflow document: its HTML (preview and PDF share it) and its stored PDF."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string

from workflows.documents.models import Document, PdfStatus

from .letters.document import document_snapshot
from .render import render_pdf


def document_html(document: Document, *, preview: bool = False) -> str:
    return render_to_string(
        "reports/document.html", {"doc": document_snapshot(document), "preview": preview}
    )


def document_store_pdf(*, document_pk: int) -> str:
    """Render and store the PDF; the row points at the new file only once it is fully written,
    so a failure leaves the last good file in place and records the reason."""
    document = Document.objects.select_related("agency__parent", "unit").get(pk=document_pk)
    try:
        pdf = render_pdf(document_html(document))
        name = default_storage.save(_file_name(document), ContentFile(pdf))
    except Exception as exc:
        Document.objects.filter(pk=document_pk).update(
            pdf_status=PdfStatus.FAILED, pdf_error=f"{type(exc).__name__}: {exc}"
        )
        raise
    previous = document.pdf.name
    Document.objects.filter(pk=document_pk).update(
        pdf=name, pdf_status=PdfStatus.READY, pdf_error=""
    )
    if previous and previous != name:
        default_storage.delete(previous)
    return name


def _file_name(document: Document) -> str:
    year = document.year or document.created_at.year
    return f"documents/{year}/{document.file_stem}.pdf"
