"""One recogniser of file contents serves the uploads (requests, directives' reports) and the
exchange's packages: what a file is comes from its bytes, never from its name."""

import io
import zipfile

import pytest

from workflows.attachments import content_recognise
from workflows.exchange.edxml.content import DOCX, JPEG, PDF, PNG, XLSX, content_type_of


def _zip(*parts: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for part in parts:
            archive.writestr(part, "<x/>")
    return buffer.getvalue()


CONTENTS = {
    "pdf": (b"%PDF-1.7\n%%EOF\n", "pdf", PDF),
    "png": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "png", PNG),
    "jpeg": (b"\xff\xd8\xff\xe0" + b"\x00" * 64, "jpg", JPEG),
    "word": (_zip("[Content_Types].xml", "word/document.xml"), "docx", DOCX),
    "excel": (_zip("[Content_Types].xml", "xl/workbook.xml"), "xlsx", XLSX),
    "a zip that only says word/": (_zip("word/ghi-chu.txt"), "zip", None),
    "utf-8 text": ("Mã cơ sở;Số tiền\n".encode(), "text", None),
    "binary bytes": (b"\x00\x01\x02\x03", "", None),
}


@pytest.mark.parametrize("case", CONTENTS, ids=list(CONTENTS))
def test_a_file_is_recognised_by_its_bytes_and_the_exchange_takes_only_its_kinds(
    case: str,
) -> None:
    content, kind, exchanged = CONTENTS[case]
    assert content_recognise(content).kind == kind
    assert content_type_of(content) == exchanged
