"""Files people attach (to a coordination request, to a directive's progress report) and files
that arrive in an exchange package, recognised by what they contain, never by their names or by
the type they claim: PDF, Word and Excel (old and new), OpenDocument, PNG and JPEG images, plain
text and CSV. An uploaded file whose name's extension disagrees with its content is refused."""

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

import filetype

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from .refusals import ActionRefused

# Recognised kind → the extensions an uploaded file of that kind may carry.
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
ZIPPED = ("zip", "docx", "xlsx")
SCANNED_BYTES = 8192


@dataclass(frozen=True)
class Recognised:
    """What a file's content is: a kind of ``ACCEPTED`` (or another that filetype knows, or
    ``""``) and its MIME type (``""`` when unknown)."""

    kind: str
    mime: str


@dataclass(frozen=True)
class AttachmentLimits:
    files: int
    bytes_each: int


@dataclass(frozen=True)
class CheckedFile:
    upload: UploadedFile
    name: str
    content_type: str


def content_recognise(content: bytes) -> Recognised:
    """The kind of file these bytes are, read from its signature and, for Word and Excel, from
    the parts inside the zip; text is UTF-8 without NUL bytes."""
    guess = filetype.guess(content[:SCANNED_BYTES])
    if guess is None:
        return Recognised("text", TEXT_MIME) if _is_text(content) else Recognised("", "")
    if guess.extension in ZIPPED:
        return _ooxml(content)
    return Recognised(guess.extension, guess.mime)


def attachments_check(
    files: list[UploadedFile], *, limits: AttachmentLimits, refused: type[ActionRefused]
) -> list[CheckedFile]:
    """Every file is checked before anything is stored; one bad file refuses them all, with the
    app's ``refused`` refusal."""
    if len(files) > limits.files:
        raise refused(_("Attach at most %(n)d files.") % {"n": limits.files})
    return [_checked(upload, limits, refused) for upload in files]


def _checked(
    upload: UploadedFile, limits: AttachmentLimits, refused: type[ActionRefused]
) -> CheckedFile:
    name = Path(upload.name or "tep").name[:200]
    if (upload.size or 0) > limits.bytes_each:
        raise refused(
            _("%(name)s is larger than %(mb)d MB.")
            % {"name": name, "mb": limits.bytes_each // (1024 * 1024)}
        )
    found = content_recognise(_content(upload))
    extension = Path(name).suffix.lower().lstrip(".")
    if extension not in ACCEPTED.get(found.kind, ()):
        raise refused(
            _(
                "%(name)s is not a PDF, Word, Excel, OpenDocument, image, text or CSV file "
                "(or its name does not match its content)."
            )
            % {"name": name}
        )
    return CheckedFile(upload=upload, name=name, content_type=found.mime)


def _content(upload: UploadedFile) -> bytes:
    upload.seek(0)
    content = upload.read()
    upload.seek(0)
    return content


def _ooxml(content: bytes) -> Recognised:
    """A Word or Excel file is a zip archive holding its main part; any other zip is a zip."""
    try:
        names = set(zipfile.ZipFile(io.BytesIO(content)).namelist())
    except zipfile.BadZipFile:
        return Recognised("", "")
    for part, kind in OOXML_PARTS.items():
        if part in names:
            known = filetype.get_type(ext=kind)
            return Recognised(kind, known.mime if known else "")
    return Recognised("zip", "application/zip")


def _is_text(content: bytes) -> bool:
    if b"\x00" in content:
        return False
    try:
        content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True
