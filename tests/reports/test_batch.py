"""A quarter's warning letters laid out in one pass and cut into one PDF per facility."""

import dataclasses
import gc
import io
import weakref

import pdfplumber
import pytest
from pypdf import PdfReader

from reports.batch import letters_print_file, letters_render_batch
from reports.render import collector_paused
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


class _Cycle:
    def __init__(self) -> None:
        self.itself = self


def test_the_garbage_of_a_paused_chunk_is_collected_when_it_ends() -> None:
    gc.collect()  # from a fresh count, so that no pass of the collector's own comes in between
    with collector_paused():
        assert not gc.isenabled()
        cycle = weakref.ref(_Cycle())
        assert cycle() is not None
    assert gc.isenabled()
    assert cycle() is None, "the cycle left by the chunk is freed by the pass at its end"


def test_the_collector_is_paused_until_the_outer_pause_ends_and_back_after_a_failure() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled(), "the inner pause does not restart the collector"
        raise RuntimeError("a letter failed")
    assert gc.isenabled()


def test_a_batch_leaves_the_collector_running() -> None:
    letters_render_batch(_letters(1))
    assert gc.isenabled()
