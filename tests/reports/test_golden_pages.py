"""Page 1 of every document type against a stored reference image, so that an accidental
layout change fails. Regenerate the references on purpose with UPDATE_GOLDEN=1."""

import io
import os
from pathlib import Path

import pypdfium2
import pytest
from PIL import Image, ImageChops

from reports.documents import snapshot_html
from reports.render import render_pdf
from reports.specimens import specimens

GOLDEN = Path(__file__).parent / "golden"
DPI = 50
# A pixel "differs" past this grey-level gap; a page fails past this share of such pixels.
PIXEL_GAP = 64
MAX_SHARE = 0.003


def _page_one(name: str) -> Image.Image:
    pdf = pypdfium2.PdfDocument(io.BytesIO(render_pdf(snapshot_html(specimens()[name]))))
    image = pdf[0].render(scale=DPI / 72).to_pil().convert("L")
    pdf.close()
    return image


def _changed_share(page: Image.Image, reference: Image.Image) -> float:
    difference = ImageChops.difference(page, reference).point(lambda v: 255 if v > PIXEL_GAP else 0)
    return difference.histogram()[255] / (page.size[0] * page.size[1])


@pytest.mark.parametrize("name", sorted(specimens()))
def test_page_one_matches_its_reference(name: str) -> None:
    reference_path = GOLDEN / f"{name}.png"
    page = _page_one(name)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        page.save(reference_path, optimize=True)
    reference = Image.open(reference_path)
    assert page.size == reference.size
    share = _changed_share(page, reference)
    assert share <= MAX_SHARE, f"{name}: {share:.2%} of page 1 changed; see {reference_path}"


def test_the_comparison_catches_a_moved_block() -> None:
    """The tolerance is tight enough to notice a signature block moved by a few millimetres."""
    page = _page_one("official_letter")
    shifted = Image.new("L", page.size, 255)
    shifted.paste(page.crop((0, 0, page.size[0], page.size[1] - 8)), (0, 8))
    assert _changed_share(page, shifted) > MAX_SHARE
