"""A register as a spreadsheet (the outgoing and the incoming register, Decree 30 Appendix III):
a bold header of its columns, one row per entry, wrapped text, dates as dates; and the rule that
keeps a cell someone wrote from running as a formula."""

import io
from collections.abc import Iterable, Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from django.utils.functional import Promise

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WRAPPED = Alignment(wrap_text=True, vertical="top")


def spreadsheet_safe(value: Any) -> Any:
    """Text starting like a formula (= + - @) is stored as text, never run by the spreadsheet."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return f"'{value}"
    return value


def register_workbook(
    *,
    title: str,
    columns: Sequence[str | Promise],
    rows: Iterable[Sequence[Any]],
    widths: Sequence[int],
    date_columns: str,
) -> bytes:
    """The XLSX file of a register: ``widths`` of the columns from A, ``date_columns`` the
    letters of the columns that hold dates."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append([str(column) for column in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.alignment = WRAPPED
    for row in rows:
        sheet.append([spreadsheet_safe(value) for value in row])
    for index, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + index)].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            cell.alignment = WRAPPED
            if cell.column_letter in date_columns and cell.value:
                cell.number_format = "DD/MM/YYYY"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
