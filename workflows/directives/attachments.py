"""Files sent with a progress report, recognised by what they contain, not by their names:
PDF, Word and Excel (old and new), OpenDocument, PNG and JPEG images, plain text and CSV. A
name whose extension disagrees with the content is refused too."""

import zipfile
from dataclasses import dataclass
from pathlib import Path

import filetype

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from .exceptions import AttachmentRefused
from .models import MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS

# Detected kind → the extensions a file of that kind may carry.
ACCEPTED = {
    "pdf": ("pdf",),
    "png": ("png",),
    "jpg": ("jpg", "jpeg"),
    "doc": ("doc",),
    "xls": ("xls",),
    "docx": ("docx",),
    "xlsx": ("xlsx",),
    "odt": ("odt",),
    "ods": ("ods",),
    "text": ("txt", "csv"),
}
TEXT_MIME = "text/plain"
OOXML_PARTS = {"word/document.xml": "docx", "xl/workbook.xml": "xlsx"}


@dataclass(frozen=True)
class CheckedFile:
    upload: UploadedFile
    name: str
    content_type: str


def attachments_check(files: list[UploadedFile]) -> list[CheckedFile]:
    """Every file is checked before anything is stored; one bad file refuses them all."""
    if len(files) > MAX_ATTACHMENTS:
        raise AttachmentRefused(_("Attach at most %(n)d files.") % {"n": MAX_ATTACHMENTS})
    return [_checked(upload) for upload in files]


def _checked(upload: UploadedFile) -> CheckedFile:
    name = Path(upload.name or "tep").name[:200]
    if (upload.size or 0) > MAX_ATTACHMENT_BYTES:
        raise AttachmentRefused(
            _("%(name)s is larger than %(mb)d MB.")
            % {"name": name, "mb": MAX_ATTACHMENT_BYTES // (1024 * 1024)}
        )
    kind, mime = _detect(upload)
    extension = Path(name).suffix.lower().lstrip(".")
    if kind not in ACCEPTED or extension not in ACCEPTED[kind]:
        raise AttachmentRefused(
            _(
                "%(name)s is not a PDF, Word, Excel, OpenDocument, image, text or CSV file "
                "(or its name does not match its content)."
            )
            % {"name": name}
        )
    return CheckedFile(upload=upload, name=name, content_type=mime)


def _detect(upload: UploadedFile) -> tuple[str, str]:
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    guess = filetype.guess(content[:8192])
    if guess is None:
        return ("text", TEXT_MIME) if _is_text(content) else ("", "")
    if guess.extension == "zip":
        return _ooxml_kind(upload)
    return guess.extension, guess.mime


def _ooxml_kind(upload: UploadedFile) -> tuple[str, str]:
    """A Word or Excel file that the signature scan saw only as a zip archive."""
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
    except zipfile.BadZipFile:
        return "", ""
    finally:
        upload.seek(0)
    for part, kind in OOXML_PARTS.items():
        if part in names:
            guess = filetype.get_type(ext=kind)
            return kind, guess.mime if guess else ""
    return "zip", ""


def _is_text(content: bytes) -> bool:
    if b"\x00" in content:
        return False
    try:
        content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True
