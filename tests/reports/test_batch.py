"""A quarter's warning letters laid out in one pass and cut into one PDF per facility."""

import dataclasses
import io

import pdfplumber
from pypdf import PdfReader

from reports.batch import letters_print_file, letters_render_batch
from reports.snapshot import Annex, Table
from reports.specimens import specimen_warning_letter

MM = 72 / 25.4


def _letters(count: int) -> list:
    annex = Annex("Chi phí theo nhóm dịch vụ", Table(("Nhóm", "Chi phí"), (("Thuốc", "1.000"),)))
    return [
        dataclasses.replace(
            specimen_warning_letter(),
            addressees=(f"Cơ sở số {n}",),
            number_line=f"Số: {n + 1:02d}/BHXH-GĐBHYT",
            annexes=(annex,),
        )
        for n in range(count)
    ]


def _top_margin_words(page: pdfplumber.page.Page) -> list[str]:
    return [w["text"] for w in page.extract_words() if w["bottom"] < 22 * MM]


def test_each_letter_is_cut_out_with_its_own_pages_and_numbering() -> None:
    letters = letters_render_batch(_letters(3), chunk=2)
    assert len(letters) == 3
    print_file = letters_print_file(letter.pdf for letter in letters)
    assert len(PdfReader(io.BytesIO(print_file)).pages) == 6
    for n, letter in enumerate(letters):
        with pdfplumber.open(io.BytesIO(letter.pdf)) as pdf:
            assert len(pdf.pages) == 2
            assert f"Cơ sở số {n}" in pdf.pages[0].extract_text()
            assert f"Số: {n + 1:02d}/BHXH-GĐBHYT" in pdf.pages[0].extract_text()
            assert _top_margin_words(pdf.pages[0]) == [], "no number on a letter's first page"
            assert _top_margin_words(pdf.pages[1]) == ["2"], "numbers restart in every letter"


def test_each_letter_knows_where_its_signature_block_is() -> None:
    for letter in letters_render_batch(_letters(2)):
        anchor = letter.anchors["signature-1"]
        assert anchor.page == 0
        left, bottom, right, top = anchor.box
        assert left > 100 and top > bottom
