"""The parts of a signature kept from one to the next: the CMS signed attributes (the signing
certificate named by its hash, each file's own message digest, no signing time: PAdES puts the
time in the signature dictionary) and the stamp's font, cut down to what a signer prints."""

import hashlib
import io
import unicodedata

import pytest
from fontTools.ttLib import TTFont
from pyhanko.pdf_utils.reader import PdfFileReader

from reports.documents import snapshot_html
from reports.render import render_document
from reports.signing import (
    STAMP_TEXT,
    _key_file,
    _signer_from,
    _stamp_font_for,
    pdf_sign,
    pdf_signature_check,
    stamp_characters,
)
from reports.specimens import specimens


def _signed(kind: str) -> bytes:
    rendered = render_document(snapshot_html(specimens()[kind]))
    return pdf_sign(
        rendered.pdf,
        agency_code="BHXH",
        name="Nguyễn Văn A",
        position="PHÓ TỔNG GIÁM ĐỐC",
        agency="Bảo hiểm xã hội Việt Nam",
        where=rendered.anchors["signature-1"],
    )


def _signed_attributes(pdf: bytes) -> dict:
    signature = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    return {
        attribute["type"].native: attribute["values"][0]
        for attribute in signature.signer_info["signed_attrs"]
    }


@pytest.mark.django_db
def test_each_signature_digests_its_own_file_and_names_the_signing_certificate() -> None:
    first, second = _signed("official_letter"), _signed("directive")
    assert pdf_signature_check(first).valid
    assert pdf_signature_check(second).valid
    attributes = [_signed_attributes(pdf) for pdf in (first, second)]

    assert attributes[0]["message_digest"].native != attributes[1]["message_digest"].native
    certificate = _signer_from(_key_file("BHXH")).signing_cert
    for signed in attributes:
        assert "signing_time" not in signed
        (identifier,) = signed["signing_certificate_v2"]["certs"]
        assert identifier["cert_hash"].native == hashlib.sha256(certificate.dump()).digest()
        assert identifier["hash_algorithm"]["algorithm"].native == "sha256"


def test_the_stamp_font_holds_every_character_a_signer_prints_in_either_normal_form() -> None:
    texts = ("Nguyễn Thị Tường Vy", "PHÓ GIÁM ĐỐC", "Bảo hiểm xã hội tỉnh Quảng Nam")
    nfc = [unicodedata.normalize("NFC", text) for text in texts]
    font = TTFont(io.BytesIO(_stamp_font_for(stamp_characters(*nfc))))
    mapped = set(font.getBestCmap())
    printed = STAMP_TEXT % {"name": nfc[0], "position": nfc[1], "agency": nfc[2], "ts": ""}
    printed += "03/12/2026 20:36:17 +0700"
    missing = {c for c in printed if c != "\n" and ord(c) not in mapped}
    assert not missing
    assert len(mapped) < 120, "cut down to what this signer prints, not every Vietnamese letter"
    assert font["head"].unitsPerEm == 1000


@pytest.mark.django_db
def test_a_name_given_decomposed_is_stamped_composed() -> None:
    rendered = render_document(snapshot_html(specimens()["official_letter"]))
    pdf = pdf_sign(
        rendered.pdf,
        agency_code="BHXH",
        name=unicodedata.normalize("NFD", "Nguyễn Thị Tường Vy"),
        position="PHÓ TỔNG GIÁM ĐỐC",
        agency="Bảo hiểm xã hội Việt Nam",
        where=rendered.anchors["signature-1"],
    )
    signature = PdfFileReader(io.BytesIO(pdf)).embedded_signatures[0]
    assert signature.sig_object["/Name"] == "Nguyễn Thị Tường Vy"
