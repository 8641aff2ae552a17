"""The pure renderer: HTML in, PDF bytes out, with a URL fetcher that reaches nothing but the
app's own static files (fonts, stylesheets, images). One FontConfiguration serves every render."""

import mimetypes
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from django.conf import settings
from django.contrib.staticfiles import finders

# Relative URLs in printed templates resolve against this origin, which exists nowhere else.
BASE_URL = "https://print.coordination.invalid/"
FONT_CONFIG = FontConfiguration()


class FetchRefused(ValueError):
    """A printed page asked for something outside the app's own static files."""


class StaticOnlyFetcher(URLFetcher):
    """Serves ``BASE_URL + STATIC_URL + path`` from the static files finders; refuses the rest."""

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        path = _static_path(url)
        found = finders.find(path)
        if not found:
            raise FetchRefused(f"no static file {path!r}")
        body = Path(found).read_bytes()
        mime_type = mimetypes.guess_type(found)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body, {"Content-Type": mime_type})


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
    return CSS(url=url, url_fetcher=StaticOnlyFetcher(), font_config=FONT_CONFIG)


def render_pdf(html: str, *, pdf_variant: str | None = None) -> bytes:
    return render_document(html, pdf_variant=pdf_variant).pdf


def render_document(
    html: str,
    *,
    pdf_variant: str | None = None,
    attachments: dict[str, str] | None = None,
) -> Rendered:
    """Lay out and write the PDF; report where each anchor (element id) ended up."""
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()).render(
        stylesheets=[_official_stylesheet()], font_config=FONT_CONFIG
    )
    files = [
        Attachment(string=content, name=name, relationship="Data")
        for name, content in (attachments or {}).items()
    ]
    pdf = document.write_pdf(pdf_variant=pdf_variant, attachments=files or None)
    return Rendered(pdf=pdf, anchors=_anchors(document))


def _anchors(document: Any) -> dict[str, Anchor]:
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
