"""The pure renderer: HTML in, PDF bytes out, with a URL fetcher that reaches nothing but the
app's own static files (fonts, stylesheets, images). One FontConfiguration serves every render.

Laying out and writing are two steps, so that a batch of letters is laid out once and each letter
written as its own PDF from its pages."""

import base64
import gc
import mimetypes
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML, Attachment, Document
from weasyprint import html as weasyprint_html
from weasyprint.css.counters import CounterStyle
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.conf import settings
from django.contrib.staticfiles import finders

# Relative URLs in printed templates resolve against this origin, which exists nowhere else.
BASE_URL = "https://print.coordination.invalid/"
FONT_CONFIG = FontConfiguration()


class FetchRefused(ValueError):
    """A printed page asked for something outside the app's own static files."""


# The QR codes the app draws itself: a PNG inside the page, reaching nothing outside it.
DATA_PNG = "data:image/png;base64,"


class StaticOnlyFetcher(URLFetcher):
    """Serves ``BASE_URL + STATIC_URL + path`` from the static files finders and the PNG images
    written into the page as ``data:`` URLs; refuses the rest."""

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        if url.startswith(DATA_PNG):
            body = base64.b64decode(url[len(DATA_PNG) :], validate=True)
            return URLFetcherResponse(url, body, {"Content-Type": "image/png"})
        path = _static_path(url)
        found = finders.find(path)
        if not found:
            raise FetchRefused(f"no static file {path!r}")
        body = Path(found).read_bytes()
        mime_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})


# One fetcher for every render: building one builds a urllib opener (reading the proxy
# settings), which WeasyPrint would otherwise also do for each attachment.
FETCHER = StaticOnlyFetcher()


def _static_path(url: str) -> str:
    prefix = BASE_URL.rstrip("/") + settings.STATIC_URL
    if not url.startswith(prefix):
        raise FetchRefused(f"refused to fetch {url!r}: only the app's static files are allowed")
    path = unquote(urlsplit(url).path)[len(settings.STATIC_URL) :]
    if ".." in Path(path).parts:
        raise FetchRefused(f"refused to fetch {url!r}")
    return path


CSS_PX_TO_PT = 0.75
ARCHIVAL_VARIANT = "pdf/a-3b"


@dataclass(frozen=True)
class Anchor:
    """Where an element with an ``id`` landed: page index and its box in PDF points, measured
    from the page's bottom-left as PDF coordinates are: (left, bottom, right, top)."""

    page: int
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    anchors: dict[str, Anchor]


OFFICIAL_CSS = "reports/official.css"


@cache
def _official_stylesheet() -> CSS:
    """The Decree 30 stylesheet, parsed once per process and shared by every render."""
    url = BASE_URL.rstrip("/") + settings.STATIC_URL + OFFICIAL_CSS
    return CSS(url=url, url_fetcher=FETCHER, font_config=FONT_CONFIG)


# WeasyPrint's own user-agent stylesheet gives every element of the page the pseudo-elements
# ::marker, ::footnote-call, ::footnote-marker, ::note-call, ::note-marker and ::note-callback;
# computing their styles was a tenth of a letter's layout time. Printed documents use no
# footnotes or notes and list markers only on list items, so those rules are narrowed to them.
_NARROWED_PSEUDO_ELEMENTS = {
    "\n::marker {": "\nli::marker, summary::marker {",
    **{
        f"\n::{name} {{": f"\n.footnote::{name} {{"
        for name in (
            "footnote-call",
            "footnote-marker",
            "note-call",
            "note-marker",
            "note-callback",
        )
    },
}


@cache
def _user_agent_stylesheet() -> CSS:
    text = weasyprint_html.UA
    for rule, narrowed in _NARROWED_PSEUDO_ELEMENTS.items():
        if rule not in text:
            raise RuntimeError(f"WeasyPrint's stylesheet changed: no {rule.strip()!r} rule")
        text = text.replace(rule, narrowed)
    # Its @counter-style rules are WeasyPrint's own, already known to every render.
    return CSS(string=text, counter_style=CounterStyle())


class PrintedHTML(HTML):
    """An HTML source laid out with the narrowed user-agent stylesheet."""

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [_user_agent_stylesheet()]


def html_layout(html: str) -> Document:
    """Lay out the pages (the costly step); write them with ``pdf_write``."""
    source = PrintedHTML(string=html, base_url=BASE_URL, url_fetcher=FETCHER)
    return source.render(stylesheets=[_official_stylesheet()], font_config=FONT_CONFIG)


def pdf_write(
    document: Document,
    *,
    pages: list[Any] | None = None,
    pdf_variant: str | None = None,
    attachments: dict[str, str] | None = None,
    identified: bool = True,
) -> bytes:
    """The PDF of the laid-out ``document``, or of some of its ``pages`` only.

    ``identified=False`` leaves out the file identifier (``/ID``), for a PDF that is signed next:
    the signature's incremental update writes one, and pydyf computes its own by compressing
    every stream of the file a second time (a fifth of a letter's writing)."""
    files = [
        Attachment(string=content, name=name, relationship="Data", url_fetcher=FETCHER)
        for name, content in (attachments or {}).items()
    ]
    part = document if pages is None else document.copy(pages)
    return part.write_pdf(
        pdf_variant=pdf_variant,
        attachments=files or None,
        pdf_identifier=None if identified else False,
    )


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while a render is laid out and written, then run once.

    A letter's layout allocates some 4,000 objects that live in cycles (WeasyPrint's element tree,
    styles and boxes) and ten times as many short-lived ones. Left to itself the collector ran
    its full passes over the whole heap many times a render: a sixth of a letter's time. Paused,
    the render's garbage is freed in one pass at its end. The first time in a process, what is
    alive by then (modules, Django, fonts) is moved out of the collector's sight for good, so that
    the passes after each render look only at what the render left. Nested, the inner pause
    collects at its end and the collector stays paused until the outer one ends."""
    _heap_settled()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
        gc.collect()


@cache
def _heap_settled() -> None:
    gc.collect()
    gc.freeze()


def render_pdf(html: str, *, pdf_variant: str | None = None) -> bytes:
    return render_document(html, pdf_variant=pdf_variant).pdf


def render_document(
    html: str,
    *,
    pdf_variant: str | None = None,
    attachments: dict[str, str] | None = None,
) -> Rendered:
    """Lay out and write the PDF; report where each anchor (element id) ended up. The laid-out
    document lives in ``_rendered`` only, so that it is garbage when the pause collects."""
    with collector_paused():
        return _rendered(html, pdf_variant, attachments)


def _rendered(html: str, pdf_variant: str | None, attachments: dict[str, str] | None) -> Rendered:
    document = html_layout(html)
    pdf = pdf_write(document, pdf_variant=pdf_variant, attachments=attachments)
    return Rendered(pdf=pdf, anchors=document_anchors(document))


def document_anchors(document: Document) -> dict[str, Anchor]:
    found: dict[str, Anchor] = {}
    for index, page in enumerate(document.pages):
        for name, (x1, y1, x2, y2) in page.anchors.items():
            box = (
                x1 * CSS_PX_TO_PT,
                (page.height - y2) * CSS_PX_TO_PT,
                x2 * CSS_PX_TO_PT,
                (page.height - y1) * CSS_PX_TO_PT,
            )
            found.setdefault(name, Anchor(index, box))
    return found
