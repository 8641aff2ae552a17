"""Every document type in the one layout, read back as a reader checks it."""

import dataclasses
import io

import pdfplumber
import pytest
from pypdf import PdfReader

from reports.documents import snapshot_html
from reports.render import render_pdf
from reports.specimens import specimens

SPECIMENS = specimens()
MM = 72 / 25.4


def _pdf(name: str) -> bytes:
    return render_pdf(snapshot_html(SPECIMENS[name]))


def _flat(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


@pytest.mark.parametrize(
    ("name", "in_order"),
    [
        ("official_letter", ["Số: 4055/BHXH-CSYT", "V/v thực hiện", "KHẨN", "Kính gửi:"]),
        ("directive", ["BỘ Y TẾ", "Số: 25/CT-BYT", "CHỈ THỊ", "KT. BỘ TRƯỞNG", "Ngô Văn N"]),
        ("decision", ["QUYẾT ĐỊNH", "Căn cứ Luật", "QUYẾT ĐỊNH:", "Điều 1.", "Điều 3."]),
        ("plan", ["KẾ HOẠCH", "I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG"]),
        ("report", ["BÁO CÁO", "93,307 triệu", "PHỤ LỤC", "Quảng Nam", "1.477.179"]),
        ("regulation", ["QUY CHẾ", "Chương I", "QUY ĐỊNH CHUNG", "Điều 1.", "Chương II"]),
        ("joint_circular", ["BỘ Y TẾ", "BẢO HIỂM XÃ HỘI VIỆT NAM", "15/2026/TTLT-BYT-BHXH"]),
        ("warning_letter", ["BẢO HIỂM XÃ HỘI TỈNH", "12/BHXH-GĐBHYT", "Quảng Nam, ngày 05"]),
    ],
)
def test_each_type_prints_its_parts_in_order(name: str, in_order: list[str]) -> None:
    text = _flat(_pdf(name))
    positions = [text.find(part) for part in in_order]
    assert -1 not in positions, dict(zip(in_order, positions, strict=True))
    assert positions == sorted(positions)


def test_a_joint_circular_has_two_signature_blocks_side_by_side_lead_on_the_right() -> None:
    with pdfplumber.open(io.BytesIO(_pdf("joint_circular"))) as pdf:
        words = pdf.pages[0].extract_words()
    names = {w["text"]: w for w in words if w["text"] in {"E", "N"} and w["top"] > 300}
    vss_name, moh_name = names["E"], names["N"]
    assert abs(vss_name["top"] - moh_name["top"]) < 2, "both names on one line"
    assert moh_name["x0"] > vss_name["x0"] + 60 * MM, "the lead agency (MoH) signs on the right"


def test_the_annex_is_landscape_and_carries_its_reference_top_right() -> None:
    with pdfplumber.open(io.BytesIO(_pdf("report"))) as pdf:
        first, annex = pdf.pages[0], pdf.pages[-1]
        assert first.width < first.height
        assert annex.width > annex.height
        reference = [w for w in annex.extract_words() if w["text"] == "2026-01-05T09:30:00+07:00"]
        assert reference and reference[0]["x1"] > annex.width - 25 * MM


def test_urgency_is_printed_in_red() -> None:
    with pdfplumber.open(io.BytesIO(_pdf("official_letter"))) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["text"] in "KHẨN"]
    red = [c for c in chars if c.get("non_stroking_color") and c["non_stroking_color"][0] > 0.7]
    assert len(red) >= 4


@pytest.mark.parametrize(("mark", "width_mm"), [("KHẨN", 20), ("HỎA TỐC", 30), ("THƯỢNG KHẨN", 40)])
def test_each_urgency_mark_has_its_decree_30_box(mark: str, width_mm: int) -> None:
    snapshot = dataclasses.replace(SPECIMENS["official_letter"], urgency=mark)
    with pdfplumber.open(io.BytesIO(render_pdf(snapshot_html(snapshot)))) as pdf:
        page = pdf.pages[0]
        box = [r for r in page.rects if _red(r)]
        text = " ".join(c["text"] for c in page.chars if _red(c))
    left, right = min(r["x0"] for r in box), max(r["x1"] for r in box)
    top, bottom = min(r["top"] for r in box), max(r["bottom"] for r in box)
    assert right - left == pytest.approx(width_mm * MM, abs=0.5 * MM)
    assert bottom - top == pytest.approx(8 * MM, abs=0.5 * MM)
    assert text.replace(" ", "") == mark.replace(" ", "")


@pytest.mark.parametrize("name", ["official_letter", "directive", "warning_letter"])
def test_the_number_and_the_place_and_date_share_a_baseline(name: str) -> None:
    with pdfplumber.open(io.BytesIO(_pdf(name))) as pdf:
        words = pdf.pages[0].extract_words(extra_attrs=["size"])
    number = next(w for w in words if w["text"] == "Số:")
    place_date = next(w for w in words if w["text"] == "ngày")
    assert _baseline(number) == pytest.approx(_baseline(place_date), abs=0.5)


def _baseline(word: dict) -> float:
    """Liberation Serif descends 0.216 em below its baseline."""
    return word["bottom"] - 0.216 * word["size"]


def _red(item: dict) -> bool:
    colour = item.get("non_stroking_color") or (0,)
    return len(colour) == 3 and colour[0] > 0.7 and colour[1] < 0.2
