"""The verification code and QR code printed on every issued PDF."""

import io
import re

import qrcode
import qrcode.image.svg

from django.conf import settings

from .snapshot import Verification

# WeasyPrint sizes an inline SVG by its own width and height attributes, not by the stylesheet.
QR_SIZE = "20mm"


def verification_url(code: str) -> str:
    return f"{settings.SITE_URL}/xac-thuc/{code}/"


def verification_for(code: str) -> Verification:
    url = verification_url(code)
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, border=1)
    buffer = io.BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    svg = re.sub(
        r'width="[^"]*" height="[^"]*"', f'width="{QR_SIZE}" height="{QR_SIZE}"', svg, count=1
    )
    return Verification(code=code, url=url, qr_svg=svg[svg.index("<svg") :])
