"""Reading an uploaded cost file into rows of cells, judged by its content, not its name: XLSX
(a zip with a workbook), or CSV text in UTF-8 (with or without BOM) or Windows-1258. Text is
NFC-normalised, so files typed in NFD read the same. Nothing here touches the database."""

import codecs
import csv
import io
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.utils.translation import gettext as _

from .exceptions import CostFileRejected

MAX_BYTES = 10 * 2**20
MAX_ROWS = 20_000
VIETNAMESE_LETTERS = set(
    "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ"
    "ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ"
)
TYPOGRAPHY = set("–—‘’“”…«»°±×")
XLSX_ENCODING = "xlsx"


@dataclass(frozen=True)
class Problem:
    """One problem of a file: its row as a spreadsheet numbers it (the header is row 1; none
    for the file as a whole), the column's header, and what is wrong."""

    row: int | None
    column: str
    message: str


@dataclass(frozen=True)
class RawTable:
    encoding: str
    header: list[str]
    rows: list[tuple[int, list[object]]]


def cost_file_read(content: bytes) -> RawTable:
    """The file's header and non-empty rows; raises CostFileRejected if it cannot be read."""
    if len(content) > MAX_BYTES:
        raise _rejected(_("The file is larger than 10 MB."))
    if not content.strip():
        raise _rejected(_("The file is empty."))
    if content.startswith(b"PK\x03\x04"):
        return _xlsx_read(content)
    if content.startswith(b"\xd0\xcf\x11\xe0"):
        raise _rejected(_("This is an old Excel (.xls) file. Save it as XLSX or as CSV UTF-8."))
    if content.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in content:
        raise _rejected(_("This is not a CSV text file or an XLSX workbook. Save it as CSV UTF-8."))
    text, encoding = _decode(content)
    return _csv_read(unicodedata.normalize("NFC", text), encoding)


def _rejected(message: str, row: int | None = None) -> CostFileRejected:
    return CostFileRejected([Problem(row, "", message)])


def _decode(content: bytes) -> tuple[str, str]:
    if content.startswith(codecs.BOM_UTF8):
        return _utf8(content[len(codecs.BOM_UTF8) :]), "utf-8-sig"
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as error:
        bad_row = content[: error.start].count(b"\n") + 1
    text = content.decode("cp1258", errors="replace")
    if "\ufffd" not in text and _reads_as_vietnamese(text):
        return text, "windows-1258"
    raise _rejected(
        _(
            "The file is not UTF-8 text (the first wrong byte is in row %(row)s), and it does "
            "not read as Vietnamese in Windows-1258 either. Save it as CSV UTF-8."
        )
        % {"row": bad_row},
        row=bad_row,
    )


def _utf8(content: bytes) -> str:
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError as error:
        row = content[: error.start].count(b"\n") + 1
        message = _("The file starts as UTF-8 but has a byte that is not UTF-8.")
        raise _rejected(message, row=row) from error


def _reads_as_vietnamese(text: str) -> bool:
    """Windows-1258 decodes almost any bytes; accept it only when every letter outside ASCII is
    a Vietnamese one and there is at least one."""
    others = {char for char in unicodedata.normalize("NFC", text) if ord(char) > 127}
    return bool(others & VIETNAMESE_LETTERS) and others <= VIETNAMESE_LETTERS | TYPOGRAPHY


def _csv_read(text: str, encoding: str) -> RawTable:
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        numbered = list(_limited(enumerate(reader, start=1)))
    except csv.Error as error:
        message = _("The CSV file is malformed: %(error)s") % {"error": error}
        raise _rejected(message) from error
    return _table(numbered, encoding)


def _xlsx_read(content: bytes) -> RawTable:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        numbered = list(_limited(enumerate(sheet.iter_rows(values_only=True), start=1)))
        workbook.close()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, IndexError) as error:
        message = _("This is a zip file but not a readable XLSX workbook.")
        raise _rejected(message) from error
    cells = [(number, [_xlsx_cell(value) for value in row]) for number, row in numbered]
    return _table(cells, XLSX_ENCODING)


def _xlsx_cell(value: object) -> object:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    return value


def _limited(numbered: Iterable[tuple[int, Iterable[object]]]) -> Iterator[tuple[int, list]]:
    for number, row in numbered:
        if number > MAX_ROWS + 1:
            raise _rejected(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
        yield number, list(row)


def _table(numbered: list[tuple[int, list[object]]], encoding: str) -> RawTable:
    rows = [(number, cells) for number, cells in numbered if any(_filled(c) for c in cells)]
    if not rows:
        raise _rejected(_("The file is empty."))
    (header_row, header), *data = rows
    if header_row != 1:
        raise _rejected(_("The first row must hold the column headers."), row=1)
    return RawTable(encoding, [str(cell or "").strip() for cell in header], data)


def _filled(cell: object) -> bool:
    return cell is not None and str(cell).strip() != ""
