"""Many letters laid out in one pass (one HTML, one page group per letter), then cut into one
PDF per letter: the per-document overhead is paid once for the whole batch."""

import io
from dataclasses import dataclass

from pypdf import PdfReader, PdfWriter

from django.template.loader import render_to_string

from .render import Anchor, render_document
from .snapshot import DocumentSnapshot


@dataclass(frozen=True)
class BatchLetter:
    pdf: bytes
    anchors: dict[str, Anchor]


@dataclass(frozen=True)
class Batch:
    print_file: bytes
    letters: list[BatchLetter]


def batch_html(snapshots: list[DocumentSnapshot], *, title: str = "") -> str:
    letters = [(f"letter-{n}", snapshot) for n, snapshot in enumerate(snapshots)]
    return render_to_string("reports/batch.html", {"letters": letters, "title": title})


CHUNK = 50


def letters_render_batch(
    snapshots: list[DocumentSnapshot], *, title: str = "", chunk: int = CHUNK
) -> Batch:
    """One print file of every letter, and each letter as its own PDF with its anchors
    (signature blocks) re-based on its own pages. Laid out ``chunk`` letters at a time, so that
    memory stays bounded however many letters a national run has."""
    parts = [
        _render_chunk(snapshots[i : i + chunk], title) for i in range(0, len(snapshots), chunk)
    ]
    if len(parts) == 1:
        return parts[0]
    print_file = PdfWriter()
    for part in parts:
        print_file.append(PdfReader(io.BytesIO(part.print_file)))
    output = io.BytesIO()
    print_file.write(output)
    return Batch(output.getvalue(), [letter for part in parts for letter in part.letters])


def _render_chunk(snapshots: list[DocumentSnapshot], title: str) -> Batch:
    rendered = render_document(batch_html(snapshots, title=title))
    reader = PdfReader(io.BytesIO(rendered.pdf))
    starts = [rendered.anchors[f"letter-{n}"].page for n in range(len(snapshots))]
    ends = [*starts[1:], len(reader.pages)]
    letters = [
        BatchLetter(_pages(reader, start, end), _anchors_of(rendered.anchors, n, start))
        for n, (start, end) in enumerate(zip(starts, ends, strict=True))
    ]
    return Batch(print_file=rendered.pdf, letters=letters)


def _pages(reader: PdfReader, start: int, end: int) -> bytes:
    writer = PdfWriter()
    for index in range(start, end):
        writer.add_page(reader.pages[index])
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _anchors_of(anchors: dict[str, Anchor], letter: int, first_page: int) -> dict[str, Anchor]:
    prefix = f"letter-{letter}-"
    return {
        name[len(prefix) :]: Anchor(anchor.page - first_page, anchor.box)
        for name, anchor in anchors.items()
        if name.startswith(prefix)
    }
