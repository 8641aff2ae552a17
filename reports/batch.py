"""Many letters laid out in one pass (one HTML, one page group per letter), then each letter written
as its own PDF from its own pages: the per-document overhead of a layout is paid once a chunk."""

import io
from collections.abc import Iterable
from dataclasses import dataclass

import pikepdf

from django.template.loader import render_to_string

from .render import (
    ARCHIVAL_VARIANT,
    Anchor,
    collector_paused,
    document_anchors,
    html_layout,
    pdf_write,
)
from .snapshot import DocumentSnapshot


@dataclass(frozen=True)
class BatchLetter:
    pdf: bytes
    anchors: dict[str, Anchor]


def batch_html(snapshots: list[DocumentSnapshot], *, title: str = "") -> str:
    letters = [(f"letter-{n}", snapshot) for n, snapshot in enumerate(snapshots)]
    return render_to_string("reports/batch.html", {"letters": letters, "title": title})


CHUNK = 50


def letters_render_batch(
    snapshots: list[DocumentSnapshot],
    *,
    title: str = "",
    chunk: int = CHUNK,
    archival: bool = False,
) -> list[BatchLetter]:
    """Each letter as its own PDF with its anchors (signature blocks) re-based on its own pages;
    ``archival`` letters are PDF/A-3b with their snapshot attached as ``snapshot.json``. Laid out
    ``chunk`` letters at a time, so that memory stays bounded however many letters a national
    run has. Archival letters are written to be signed: the signature gives each its file
    identifier, which PDF/A requires."""
    letters = []
    for start in range(0, len(snapshots), chunk):
        with collector_paused():
            letters += _render_chunk(snapshots[start : start + chunk], title, archival)
    return letters


def _render_chunk(
    snapshots: list[DocumentSnapshot], title: str, archival: bool
) -> list[BatchLetter]:
    document = html_layout(batch_html(snapshots, title=title))
    anchors = document_anchors(document)
    starts = [anchors[f"letter-{n}"].page for n in range(len(snapshots))]
    ends = [*starts[1:], len(document.pages)]
    return [
        BatchLetter(
            pdf_write(
                document,
                pages=document.pages[start:end],
                pdf_variant=ARCHIVAL_VARIANT if archival else None,
                attachments={"snapshot.json": snapshot.to_json()} if archival else None,
                identified=not archival,
            ),
            _anchors_of(anchors, n, start),
        )
        for n, (snapshot, start, end) in enumerate(zip(snapshots, starts, ends, strict=True))
    ]


def letters_print_file(pdfs: Iterable[bytes]) -> bytes:
    """One file of every letter, in the given order, to print them all at once, their signature
    stamps kept (fields renamed apart). qpdf copies a letter in about a millisecond; pypdf took
    13 ms."""
    print_file = pikepdf.Pdf.new()
    for pdf in pdfs:
        print_file.add_pages_from(pikepdf.Pdf.open(io.BytesIO(pdf)))
    output = io.BytesIO()
    print_file.save(output)
    return output.getvalue()


def _anchors_of(anchors: dict[str, Anchor], letter: int, first_page: int) -> dict[str, Anchor]:
    prefix = f"letter-{letter}-"
    return {
        name[len(prefix) :]: Anchor(anchor.page - first_page, anchor.box)
        for name, anchor in anchors.items()
        if name.startswith(prefix)
    }
