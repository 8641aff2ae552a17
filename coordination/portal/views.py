"""Public downloads of issued documents."""

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from workflows.documents.models import Document, DocumentState, PdfStatus


def document_pdf_download(request: HttpRequest, pk: int) -> FileResponse:
    """The issued PDF, inline, named after the number ('01-bhxh-csyt.pdf'); 404 until ready."""
    document = get_object_or_404(Document, pk=pk, state=DocumentState.ISSUED)
    if document.pdf_status != PdfStatus.READY or not document.pdf:
        raise Http404("The PDF is not ready yet.")
    try:
        stream = document.pdf.open("rb")
    except FileNotFoundError as missing:
        raise Http404("The PDF file is missing from storage.") from missing
    response = FileResponse(
        stream, content_type="application/pdf", filename=f"{document.file_stem}.pdf"
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
