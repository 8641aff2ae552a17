"""A received package is read safely and checked whole: anything wrong refuses it with the
reason and where in the XML, and nothing at all is stored (no row, no file, no number used)."""

import base64
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from django.conf import settings
from django.core.management import CommandError, call_command

from workflows.exchange.edxml.content import PDF, PNG
from workflows.exchange.edxml.envelope import Attachment, Organisation, qualified
from workflows.exchange.exceptions import PackageRefused
from workflows.exchange.models import (
    IncomingAttachment,
    IncomingCounter,
    IncomingDocument,
    IncomingEvent,
    StatusNotice,
)

from .conftest import NGHEAN_CODE, edited, find, imported, one_page_pdf, raw_package

MIB = 1024 * 1024
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _remove(path: str) -> Callable[[Any], None]:
    def edit(root: Any) -> None:
        element = find(root, path)
        element.getparent().remove(element)

    return edit


def _set(path: str, text: str) -> Callable[[Any], None]:
    def edit(root: Any) -> None:
        find(root, path).text = text

    return edit


XXE = (
    b'<?xml version="1.0"?>\n<!DOCTYPE edXMLEnvelope [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
    b'<edXML:edXMLEnvelope xmlns:edXML="http://www.mic.gov.vn/TBT/QCVN_102_2016">&xxe;'
    b"</edXML:edXMLEnvelope>"
)
LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10 if n > 1 else "&lol;" * 10}">'.encode()
        for n in range(1, 10)
    )
    + b"]><lolz>&lol9;</lolz>"
)


def _spoiled(case: str) -> bytes:
    good = raw_package()
    cases: dict[str, Callable[[], bytes]] = {
        "not_xml": lambda: one_page_pdf(),
        "xxe": lambda: XXE,
        "entity_expansion": lambda: LAUGHS,
        "wrong_root": lambda: good.replace(b"edXMLEnvelope", b"edXMLLetter"),
        "missing_field": lambda: edited(good, _remove("edXMLHeader/MessageHeader/Subject")),
        "bad_date": lambda: edited(
            good, _set("edXMLHeader/MessageHeader/PromulgationInfo/PromulgationDate", "2020/13/45")
        ),
        "bad_code": lambda: edited(good, _set("edXMLHeader/MessageHeader/From/OrganId", "VSS")),
        "unknown_receiver": lambda: raw_package(
            receivers=(Organisation(NGHEAN_CODE, "Bảo hiểm xã hội tỉnh Nghệ An"),)
        ),
        "bad_base64": lambda: edited(
            good, _set("AttachmentEncoded/Attachment/ContentTransferEncoded", "JVBERi0x*not*")
        ),
        "not_what_it_claims": lambda: raw_package(
            attachments=(Attachment("cid:1", "4055.pdf", PDF, PNG_BYTES),)
        ),
        "unknown_content": lambda: raw_package(
            attachments=(Attachment("cid:1", "4055.pdf", PDF, b"MZ\x90\x00 an executable"),)
        ),
        "no_attachment": lambda: raw_package(attachments=()),
        "not_in_manifest": lambda: edited(good, _remove("edXMLBody/edXMLManifest/Reference")),
        "too_many_attachments": lambda: raw_package(
            attachments=tuple(Attachment(f"cid:{n}", f"{n}.png", PNG, PNG_BYTES) for n in range(11))
        ),
        "oversized_attachment": lambda: raw_package(
            attachments=(Attachment("cid:1", "big.pdf", PDF, b"%PDF-1.7\n" + b"0" * (10 * MIB)),)
        ),
        "oversized_package": lambda: good + b" " * (30 * MIB),
        "empty": lambda: b"  \n",
    }
    return cases[case]()


REASONS = {
    "not_xml": ("not well-formed XML", "line 1"),
    "xxe": ("DOCTYPE", "line 1"),
    "entity_expansion": ("DOCTYPE", "line 1"),
    "wrong_root": (
        "root element is {http://www.mic.gov.vn/TBT/QCVN_102_2016}edXMLLetter",
        "edXMLLetter, line",
    ),
    "missing_field": (
        "edXML:Subject is missing",
        "edXMLEnvelope › edXMLHeader › MessageHeader › Subject, line",
    ),
    "bad_date": (
        "PromulgationDate is not a date: “2020/13/45”",
        "PromulgationInfo › PromulgationDate, line",
    ),
    "bad_code": (
        "OrganId must be an agency code such as 000.00.00.G18, not “VSS”",
        "From › OrganId",
    ),
    "unknown_receiver": (
        "addressed to 000.00.40.G99, not to Bảo hiểm xã hội tỉnh Quảng Nam (000.00.49.G99)",
        "MessageHeader › To",
    ),
    "bad_base64": ("not valid base64", "Attachment › ContentTransferEncoded, line"),
    "not_what_it_claims": (
        "claims to be application/pdf but its content is image/png",
        "AttachmentEncoded › Attachment, line",
    ),
    "unknown_content": (
        "is not a file of an accepted kind (PDF, PNG, JPEG, DOCX, XLSX)",
        "Attachment, line",
    ),
    "no_attachment": ("carries no attachment", "AttachmentEncoded"),
    "not_in_manifest": ("Attachment cid:1 is not listed in the manifest", "Attachment, line"),
    "too_many_attachments": (
        "carries 11 attachments; at most 10 are accepted",
        "AttachmentEncoded, line",
    ),
    "oversized_attachment": (
        "Attachment “big.pdf” is 10,0 MB, more than the 10 MB allowed",
        "ContentTransferEncoded, line",
    ),
    "oversized_package": ("The package is 30,0 MB, more than the 30 MB allowed", ""),
    "empty": ("The file is empty", ""),
}


def _nothing_stored() -> None:
    for model in (IncomingDocument, IncomingAttachment, IncomingEvent, StatusNotice):
        assert not model.objects.exists(), model.__name__
    assert not IncomingCounter.objects.filter(last_number__gt=0).exists()
    media = Path(settings.MEDIA_ROOT)
    assert not [path for path in media.rglob("*") if path.is_file()] if media.exists() else True


@pytest.mark.parametrize("case", list(REASONS))
def test_a_spoiled_package_is_refused_with_its_reason_and_nothing_is_stored(
    qnam: Any, case: str
) -> None:
    with pytest.raises(PackageRefused) as refused:
        imported(qnam, _spoiled(case))
    reason, where = REASONS[case]
    first = refused.value.problems[0]
    assert reason in first.reason
    assert where in first.where
    _nothing_stored()


def test_every_problem_of_a_package_is_listed_not_only_the_first(qnam: Any) -> None:
    raw = edited(
        raw_package(),
        lambda root: [
            _remove("edXMLHeader/MessageHeader/Subject")(root),
            _set("edXMLHeader/MessageHeader/DueDate", "tomorrow")(root),
            _set("AttachmentEncoded/Attachment/ContentTransferEncoded", "@@@")(root),
        ],
    )
    with pytest.raises(PackageRefused) as refused:
        imported(qnam, raw)
    reasons = " | ".join(problem.reason for problem in refused.value.problems)
    assert "Subject is missing" in reasons
    assert "DueDate is not a date" in reasons
    assert "not valid base64" in reasons
    _nothing_stored()


def test_the_same_package_twice_is_refused_the_second_time(qnam: Any) -> None:
    first = imported(qnam)
    with pytest.raises(PackageRefused, match="already received: arrival number 1 of"):
        imported(qnam)
    assert list(IncomingDocument.objects.all()) == [first]
    assert IncomingCounter.objects.get().last_number == 1


def test_an_agency_without_an_exchange_code_receives_nothing(qnam: Any) -> None:
    qnam.agency.edxml_code = ""
    qnam.agency.save()
    with pytest.raises(PackageRefused, match="has no exchange code"):
        imported(qnam)
    _nothing_stored()


def test_a_date_with_dashes_or_a_time_is_still_a_date(qnam: Any) -> None:
    raw = edited(
        raw_package(),
        _set("edXMLHeader/MessageHeader/PromulgationInfo/PromulgationDate", "2020-12-29 08:00:00"),
    )
    assert str(imported(qnam, raw).promulgated_on) == "2020-12-29"


def test_the_command_exits_non_zero_with_the_problems_and_stores_nothing(
    qnam: Any, tmp_path: Path
) -> None:
    path = tmp_path / "goi.edxml"
    path.write_bytes(_spoiled("bad_date"))
    with pytest.raises(CommandError, match=r"refused, nothing stored:\n  - .*PromulgationDate"):
        call_command("import_edxml", str(path), "--agency", qnam.agency.edxml_code)
    _nothing_stored()


def test_the_command_registers_a_sound_package(qnam: Any, tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "goi.edxml"
    path.write_bytes(raw_package())
    call_command("import_edxml", str(path), "--agency", "bhxh-49", "--clerk", "qnam.clerk")
    incoming = IncomingDocument.objects.get()
    assert (incoming.arrival_number, incoming.registered_by) == (1, qnam.clerk)
    assert "arrival number 1/" in capsys.readouterr().out


def test_the_base64_payload_decodes_to_the_very_bytes_sent(qnam: Any) -> None:
    pdf = one_page_pdf()
    raw = raw_package(attachments=(Attachment("cid:1", "a.pdf", PDF, pdf),))
    element = find(etree.fromstring(raw), "AttachmentEncoded/Attachment/ContentTransferEncoded")
    assert base64.b64decode(element.text) == pdf
    stored = imported(qnam, raw).attachments.get()
    with stored.file.open("rb") as handle:
        assert handle.read() == pdf
    assert element.tag == qualified("ContentTransferEncoded")
