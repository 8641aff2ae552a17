"""Public downloads of issued documents."""

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from workflows.documents.models import Document, DocumentState, PdfStatus


def document_pdf_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(Document, pk=pk, state=DocumentState.ISSUED)
    if document.pdf_status != PdfStatus.READY or not document.pdf:
        raise Http404("The PDF is not ready yet.")
    filename = f"{document.file_stem}.pdf"
    response = FileResponse(
        document.pdf.open("rb"), content_type="application/pdf", filename=filename
    )
    response["Cache-Control"] = "public, max-age=300"
    return response
