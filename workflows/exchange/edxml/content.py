"""What an attachment is, read from its content (workflows/attachments.py), never from its name
or the type the package claims; the edXML exchange accepts fewer kinds than an upload."""

from workflows.attachments import content_recognise

PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

ACCEPTED = (PDF, PNG, JPEG, DOCX, XLSX)
ACCEPTED_NAMES = "PDF, PNG, JPEG, DOCX, XLSX"


def content_type_of(data: bytes) -> str | None:
    """The accepted type this content is, or None."""
    found = content_recognise(data).mime
    return found if found in ACCEPTED else None
