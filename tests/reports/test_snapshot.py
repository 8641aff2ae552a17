"""What a printed document shows, read from a workflow document before any rendering."""

import unicodedata
from typing import Any

from reports.letters.body import body_paragraphs
from reports.letters.document import document_snapshot, recipients_lines
from workflows.documents import services
from workflows.documents.models import DocumentKind, Urgency


def _draft(org: Any, **fields: Any) -> Any:
    fields.setdefault("kind", DocumentKind.OFFICIAL_LETTER)
    fields.setdefault("subject", "Về việc rà soát chi phí")
    fields.setdefault("body", "Đề nghị rà soát.")
    return services.document_create(actor=org.drafter, unit=org.csyt, **fields)


def test_a_decision_body_reads_as_grounds_heading_and_articles() -> None:
    body = (
        "Căn cứ Luật Bảo hiểm y tế;\n"
        "Theo đề nghị của Trưởng Ban Thực hiện chính sách bảo hiểm y tế.\n"
        "\n"
        "QUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành Quy trình giám định.\n"
        "Chương I\n"
        "Quy định chung"
    )
    kinds = [(p.kind, p.lead or p.text[:12]) for p in body_paragraphs(body)]
    assert kinds == [
        ("ground", "Căn cứ Luật "),
        ("ground", "Theo đề nghị"),
        ("heading", "QUYẾT ĐỊNH:"),
        ("article", "Điều 1."),
        ("chapter", "Chương I"),
        ("chapter_title", "QUY ĐỊNH CHU"),
    ]


def test_a_letter_to_addressees_sends_copies_as_above_and_files_one_in_the_drafting_unit() -> None:
    lines = recipients_lines(
        "Bộ Y tế (để phối hợp);\n- Tổng Giám đốc (để báo cáo).\n\n",
        unit_symbol="CSYT",
        as_above=True,
    )
    assert lines == (
        "- Như trên;",
        "- Bộ Y tế (để phối hợp);",
        "- Tổng Giám đốc (để báo cáo);",
        "- Lưu: VT, CSYT.",
    )


def test_a_directive_has_a_title_no_summary_line_and_no_as_above(org: Any) -> None:
    snapshot = document_snapshot(
        _draft(org, kind=DocumentKind.DIRECTIVE, distribution="Bảo hiểm xã hội các tỉnh")
    )
    assert snapshot.title == "CHỈ THỊ"
    assert not snapshot.is_letter
    assert snapshot.number_line == "Số:        /CT-BHXH"
    assert snapshot.recipients == ("- Bảo hiểm xã hội các tỉnh;", "- Lưu: VT, CSYT.")


def test_an_urgent_letter_carries_its_mark_and_its_agency_header(org: Any) -> None:
    org.vss.parent = org.moh
    org.vss.save()
    snapshot = document_snapshot(
        _draft(org, urgency=Urgency.VERY_URGENT, addressees="Sở Y tế\nBệnh viện A")
    )
    assert snapshot.urgency == "THƯỢNG KHẨN"
    assert snapshot.urgency_stamp == "very-urgent"
    assert snapshot.issuers[0].name == "BẢO HIỂM XÃ HỘI VIỆT NAM"
    assert snapshot.issuers[0].parent == "BỘ Y TẾ"
    assert snapshot.addressees == ("Sở Y tế", "Bệnh viện A")
    assert snapshot.summary_line == "V/v rà soát chi phí"
    assert snapshot.recipients[0] == "- Như trên;"


def test_decomposed_text_is_composed_when_the_snapshot_is_built(org: Any) -> None:
    nfd = unicodedata.normalize("NFD", "Về việc giám định tại Quảng Nam")
    snapshot = document_snapshot(_draft(org, subject=nfd, body=nfd, addressees=nfd))
    for text in (snapshot.subject, snapshot.paragraphs[0].text, snapshot.addressees[0]):
        assert text == unicodedata.normalize("NFC", nfd)
