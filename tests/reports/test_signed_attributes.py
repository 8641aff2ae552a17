"""The CMS signed attributes of a PAdES signature: the signing certificate named by its hash (kept
from one signature to the next), each file's own message digest, no signing time (PAdES puts
the time in the signature dictionary)."""

import hashlib
import io

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

from reports.documents import snapshot_html
from reports.render import render_document
from reports.signing import _key_file, _signer_from, pdf_sign, pdf_signature_check
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
