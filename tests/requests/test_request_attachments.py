"""Files sent with a request are recognised by their content, not by their names: a file whose
content is not what its name says is refused, and nothing is stored (no request, no audit row,
no file), whether it comes through the service or the form."""

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from workflows.requests.exceptions import AttachmentRefused
from workflows.requests.models import CoordinationRequest, RequestAttachment, RequestEvent

from .steps import raise_request

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _xlsx() -> bytes:
    buffer = io.BytesIO()
    book = Workbook()
    book.active.append(["Mã cơ sở", "Số tiền bị từ chối"])
    book.save(buffer)
    return buffer.getvalue()


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ghi-chu.txt", "x")
    return buffer.getvalue()


MISNAMED = {
    "a program named .pdf": ("cong-van.pdf", b"MZ\x90\x00" + b"\x00" * 400),
    "a PDF named .docx": ("du-thao.docx", PDF),
    "a zip archive named .xlsx": ("so-lieu.xlsx", _zip()),
    "an image named .csv": ("so-lieu.csv", PNG),
    "a web page named .png": ("anh.png", b"<html><script>alert(1)</script></html>"),
    "binary bytes named .txt": ("ghi-chu.txt", b"\x00\x01\x02\x03"),
}


def _stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


def _nothing_stored(root: Path) -> bool:
    return (
        not CoordinationRequest.objects.exists()
        and not RequestAttachment.objects.exists()
        and not RequestEvent.objects.exists()
        and not _stored_files(root)
    )


@pytest.mark.parametrize("case", MISNAMED, ids=list(MISNAMED))
def test_a_file_whose_content_is_not_what_its_name_says_is_refused_and_nothing_is_stored(
    case: str, org: Any, qnam: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    name, content = MISNAMED[case]
    with pytest.raises(AttachmentRefused) as refused:
        raise_request(org, qnam, attachments=[SimpleUploadedFile(name, content)])
    assert name in refused.value.message
    assert _nothing_stored(tmp_path)


def test_one_misnamed_file_refuses_the_good_ones_sent_with_it(
    org: Any, qnam: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    files = [
        SimpleUploadedFile("cong-van.pdf", PDF),
        SimpleUploadedFile("bang-ke.xlsx", PDF),
    ]
    with pytest.raises(AttachmentRefused, match="bang-ke.xlsx"):
        raise_request(org, qnam, attachments=files)
    assert _nothing_stored(tmp_path)


def test_files_of_the_accepted_kinds_are_stored_under_their_names(
    org: Any, qnam: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    files = [
        SimpleUploadedFile("cong-van.pdf", PDF),
        SimpleUploadedFile("tu-choi-quy4.xlsx", _xlsx()),
        SimpleUploadedFile("ghi-chu.csv", "Mã cơ sở;Số tiền\n49001;1.200.000\n".encode()),
        SimpleUploadedFile("anh-chup.PNG", PNG),
    ]
    request = raise_request(org, qnam, attachments=files)
    names = list(request.attachments.order_by("pk").values_list("name", flat=True))
    assert names == ["cong-van.pdf", "tu-choi-quy4.xlsx", "ghi-chu.csv", "anh-chup.PNG"]
    assert len(_stored_files(tmp_path)) == 4


def test_the_form_shows_the_refusal_and_stores_nothing(
    org: Any, qnam: Any, settings: Any, tmp_path: Path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    client = Client()
    client.force_login(qnam.officer)
    response = client.post(
        reverse("requests_create"),
        {
            "requester_unit": qnam.unit.pk,
            "unit": org.moh_bh.pk,
            "subject": "Số liệu từ chối thanh toán",
            "description": "Gửi kèm bảng số liệu.",
            "urgency": "normal",
            "attachments": [SimpleUploadedFile("bang-ke.xlsx", b"MZ\x90\x00" + b"\x00" * 400)],
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'data-testid="form-error"' in page and "bang-ke.xlsx" in page
    assert _nothing_stored(tmp_path)
