"""The pure renderer: HTML in, PDF bytes out, with a URL fetcher that reaches nothing but the
app's own static files (fonts, stylesheets, images). One FontConfiguration serves every render."""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import HTML
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


def render_pdf(html: str, *, pdf_variant: str | None = None) -> bytes:
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=StaticOnlyFetcher())
    return document.write_pdf(font_config=FONT_CONFIG, pdf_variant=pdf_variant)
