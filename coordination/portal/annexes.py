"""The files editors attach to a document entered by hand (its signed PDF, its annexes): a PDF by
its content, whatever its name says, and what a reader sees of them on the page."""

from dataclasses import dataclass

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from wagtail.documents.models import AbstractDocument

from .models import DocumentAnnex, DocumentPage

HEADER_WINDOW = 1024


def pdf_content_errors(document: AbstractDocument) -> str | None:
    """Why this uploaded file is not a readable PDF, or None when it is one: the ``%PDF-``
    header within the first kilobyte, a structure pypdf reads, at least one page, no
    password."""
    try:
        with document.file.open("rb") as stream:
            if b"%PDF-" not in stream.read(HEADER_WINDOW):
                return _("%(name)s is not a PDF file (checked by its content).") % {
                    "name": document.title
                }
            stream.seek(0)
            reader = PdfReader(stream)
            if reader.is_encrypted:
                return _("%(name)s is protected by a password.") % {"name": document.title}
            if not reader.pages:
                return _("%(name)s has no page.") % {"name": document.title}
    except (OSError, PyPdfError, ValueError):
        return _("%(name)s is damaged and cannot be read as a PDF.") % {"name": document.title}
    return None


@dataclass(frozen=True)
class AnnexLink:
    title: str
    url: str
    size: int | None


def annexes_of(page: DocumentPage) -> list[AnnexLink]:
    """The page's annexes that still have their file, in the editor's order: one query for a
    document entered by hand, none for a workflow document (its annexes are in its PDF)."""
    if page.source_document_id:
        return []
    annexes: QuerySet[DocumentAnnex] = page.annexes.filter(file__isnull=False).select_related(
        "file"
    )
    return [AnnexLink(a.title, a.file.url, a.file.file_size) for a in annexes]
