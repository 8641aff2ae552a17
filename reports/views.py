"""Staff views of printed documents: the HTML preview and the stored PDF."""

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from workflows.documents.models import Document, PdfStatus
from workflows.documents.selectors import documents_visible_to

from .documents import document_html


def _visible(request: HttpRequest, pk: int) -> Document:
    queryset = documents_visible_to(request.user).select_related("agency__parent", "unit")
    return get_object_or_404(queryset, pk=pk)


def document_preview(request: HttpRequest, pk: int) -> HttpResponse:
    return HttpResponse(document_html(_visible(request, pk), preview=True))


def document_pdf(request: HttpRequest, pk: int) -> FileResponse:
    document = _visible(request, pk)
    if document.pdf_status != PdfStatus.READY or not document.pdf:
        raise Http404("no PDF yet")
    filename = f"{document.file_stem}.pdf"
    return FileResponse(document.pdf.open("rb"), content_type="application/pdf", filename=filename)
