import os
from pathlib import Path
from typing import Any

import pytest

from tests.workflows.steps import drive
from workflows.documents import services
from workflows.documents.models import Document, DocumentKind, DocumentState

LONG_BODY = "\n".join(
    f"Đoạn {n}. Thực hiện Chỉ thị số 25/CT-BYT, cơ sở khám bệnh, chữa bệnh rà soát chi phí, "
    "bảo đảm quyền lợi người tham gia bảo hiểm y tế, không để xảy ra tình trạng lạm dụng quỹ."
    for n in range(1, 40)
)


def issue(org: Any, **fields: Any) -> Document:
    """A document taken through the whole thread by the right people."""
    fields.setdefault("kind", DocumentKind.OFFICIAL_LETTER)
    fields.setdefault("subject", "Về việc thực hiện khoản 6 Điều 22 Luật Bảo hiểm y tế")
    fields.setdefault("body", "Bảo hiểm xã hội Việt Nam đề nghị các đơn vị thực hiện.")
    fields.setdefault("addressees", "Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương")
    document = services.document_create(actor=org.drafter, unit=org.csyt, **fields)
    return drive(org, document, DocumentState.ISSUED)


@pytest.fixture
def keep_pdf() -> Any:
    """Copies a PDF to $KEEP_PDF_DIR when set, to look at it by eye (pdftoppm)."""

    def keep(name: str, pdf: bytes) -> None:
        folder = os.environ.get("KEEP_PDF_DIR")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            (Path(folder) / name).write_bytes(pdf)

    return keep
