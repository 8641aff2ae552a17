"""What an attachment is, read from its first bytes (and, for Office files, the names inside
the zip), never from its name or the type the package claims."""

import io
import zipfile

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ACCEPTED = (PDF, PNG, JPEG, DOCX, XLSX)
ACCEPTED_NAMES = "PDF, PNG, JPEG, DOCX, XLSX"

_MAGIC = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
_OFFICE_PARTS = (("word/document.xml", DOCX), ("xl/workbook.xml", XLSX))


def content_type_of(data: bytes) -> str | None:
    """The accepted type this content is, or None."""
    for magic, content_type in _MAGIC:
        if data.startswith(magic):
            return content_type
    if data.startswith(b"PK\x03\x04"):
        return _office_type(data)
    return None


def _office_type(data: bytes) -> str | None:
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return None
    for part, content_type in _OFFICE_PARTS:
        if part in names:
            return content_type
    return None
