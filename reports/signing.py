"""PAdES signatures (pyHanko): a visible stamp where the signature block is printed, and the
verification of a signed file against the configured trust roots."""

import io
import re
import unicodedata
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import uharfbuzz as hb
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.scaleUpem import scale_upem
from pyhanko.keys import load_cert_from_pemder
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.font.api import FontEngineFactory
from pyhanko.pdf_utils.font.opentype import CIDFontType2, GlyphAccumulator
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.metadata.model import NS, ExpandedName, XmpStructure, XmpValue
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.pdf_utils.text import TextBoxStyle
from pyhanko.sign import fields, signers
from pyhanko.sign.attributes import CMSAttributeProvider, SigningCertificateV2Provider
from pyhanko.sign.general import as_signing_certificate_v2, get_pyca_cryptography_hash
from pyhanko.sign.signers.pdf_cms import SignedAttributeProviderSpec
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.stamp import TextStampStyle
from pyhanko_certvalidator import ValidationContext

from django.conf import settings

from .render import Anchor

# pyHanko rewrites the XMP metadata when it signs; keep the PDF/A-3b identification in it.
PDF_A_3B = XmpStructure.of(
    (ExpandedName(NS["pdfaid"], "part"), XmpValue("3")),
    (ExpandedName(NS["pdfaid"], "conformance"), XmpValue("B")),
)
FONT = Path(__file__).resolve().parent / "fonts" / "LiberationSerif-Regular.ttf"
FIELD_NAME = "ChuKySo"
# Room kept for the CMS signature beside the certificates it embeds: the signature value (512
# bytes for an RSA-4096 key), the signed attributes and the structure around them.
SIGNATURE_OVERHEAD_BYTES = 4096
STAMP_TEXT = "Ký số bởi: %(name)s\n%(position)s\n%(agency)s\nThời gian: %(ts)s"
STAMP_FONT_SIZE = 8
# The signing time as a clerk reads it, with its offset: '23/11/2026 14:44:03 +0700'.
STAMP_TIME_FORMAT = "%d/%m/%Y %H:%M:%S %z"
PDF_UNITS_PER_EM = 1000
STAMP_UNICODES = [
    *range(0x20, 0x7F),  # Basic Latin
    *range(0xA0, 0x250),  # Latin-1, Latin Extended-A and -B (ă, đ, ơ, ư)
    *range(0x300, 0x370),  # combining marks
    *range(0x1EA0, 0x1F00),  # Latin Extended Additional: Vietnamese precomposed letters
    *range(0x2010, 0x2030),  # dashes and quotation marks
]


@dataclass(frozen=True)
class SignatureCheck:
    signed: bool
    intact: bool
    trusted: bool
    signer: str = ""
    signed_at: str = ""

    @property
    def valid(self) -> bool:
        return self.signed and self.intact and self.trusted


@cache
def _stamp_font_bytes() -> bytes:
    """The stamp's font scaled to 1000 units per em, once per process. pyHanko writes glyph
    widths in the font's own units, which a PDF reads as thousandths of an em; Liberation Serif
    has 2048 units per em, so unscaled its letters would spread apart and run out of the stamp."""
    font = TTFont(FONT)
    # Only the scripts a stamp prints (Latin with Vietnamese), cut before scaling, which then has
    # a tenth of the glyphs to rewrite. The stamp's text is NFC, each Vietnamese letter one glyph,
    # so the layout tables (whose reading was most of the time) are not needed; nor is FFTM
    # (FontForge's timestamps), which every subset would drop.
    dropped = ["FFTM", "GSUB", "GPOS", "GDEF"]
    for table in dropped:
        if table in font:
            del font[table]
    options = subset.Options(drop_tables=[*subset.Options().drop_tables, *dropped])
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=STAMP_UNICODES)
    subsetter.subset(font)
    scale_upem(font, PDF_UNITS_PER_EM)
    output = io.BytesIO()
    font.save(output)
    return output.getvalue()


# The characters of the time a stamp prints, whatever the time.
STAMP_TIME_CHARACTERS = "0123456789/:+- "


def stamp_characters(*texts: str) -> frozenset[str]:
    """Every character a stamp with these texts (name, position, agency) can print."""
    words = re.sub(r"%\(\w+\)s", "", STAMP_TEXT)
    return frozenset(words + STAMP_TIME_CHARACTERS + "".join(texts))


@lru_cache(maxsize=256)
def _stamp_font_for(characters: frozenset[str]) -> bytes:
    """The stamp font cut down to ``characters`` (a signer's name, position and agency, the
    stamp's own words and the time's digits), by HarfBuzz in half a millisecond. pyHanko reads
    the font it is given again for every stamp, which took 3.6 ms with the few hundred glyphs of
    every Vietnamese letter and takes a tenth of that with the few dozen one signer prints; the
    font is then embedded whole, being already that small."""
    plan = hb.SubsetInput()
    plan.unicode_set.update(ord(character) for character in characters)
    plan.flags = hb.SubsetFlags.NO_LAYOUT_CLOSURE
    return hb.subset(_stamp_font_face(), plan).blob.data


@lru_cache(maxsize=256)
def _deflated(font: bytes) -> bytes:
    return zlib.compress(font)


@cache
def _stamp_font_face() -> hb.Face:
    return hb.Face(_stamp_font_bytes())


class _StampCIDFont(CIDFontType2):
    """Embeds the stamp's font as it is, already cut down to the signer's characters (pyHanko
    would subset it again with fontTools, half of a signature's time)."""

    font: bytes = b""

    def set_font_file(self, writer: Any) -> Any:
        stream = generic.StreamObject(
            {generic.pdf_name("/Filter"): generic.pdf_name("/FlateDecode")},
            encoded_data=_deflated(self.font),
        )
        reference = writer.add_object(stream)
        self._font_descriptor[generic.pdf_name("/FontFile2")] = reference
        return reference


class _StampGlyphs(GlyphAccumulator):
    """pyHanko's accumulator, shaping with the signer's own small font and embedding it whole."""

    def __init__(self, *, font: bytes, **kwargs: Any) -> None:
        super().__init__(font_handle=io.BytesIO(font), **kwargs)
        postscript_name = self.tt["name"].getDebugName(6)
        self.cidfont_obj = _StampCIDFont(self.tt, postscript_name, self.subset_prefix)
        self.cidfont_obj.font = font

    def _extract_subset(self, options: Any = None) -> None:
        """Nothing to cut: the font holds only what the stamp can print."""


@dataclass(frozen=True)
class StampFont(FontEngineFactory):
    """Liberation Serif for the stamp's text, shaped and drawn at the same size, holding the
    ``characters`` its stamps print."""

    characters: frozenset[str]

    def create_font_engine(self, writer: Any, obj_stream: Any = None) -> GlyphAccumulator:
        return _StampGlyphs(
            writer=writer,
            font=_stamp_font_for(self.characters),
            font_size=STAMP_FONT_SIZE,
            obj_stream=obj_stream,
        )


class _KnownSigningCertificate(SigningCertificateV2Provider):
    """The signing-certificate-v2 attribute (the signer's certificate by its hash, which PAdES
    requires), built once per certificate. asn1crypto serialises a structure it has just built
    again for every field set in it, so building this one cost 8 ms of every signature's 10 ms
    of CMS; read back from its DER, it serialises as the bytes it was read from."""

    @cached_property
    def _der(self) -> bytes:
        return as_signing_certificate_v2(self.signing_cert).dump()

    async def build_attr_value(self, dry_run: bool = False) -> tsp.SigningCertificateV2:
        return tsp.SigningCertificateV2.load(self._der)


class _PadesSignedAttributes(SignedAttributeProviderSpec):
    """What pyHanko's PAdES signed attributes are without signing time or CAdES extras (the
    content type and message digest are always added): the signing certificate, kept."""

    def __init__(self, signing_certificate: CMSAttributeProvider) -> None:
        self.signing_certificate = signing_certificate

    def signed_attr_providers(
        self, data_digest: bytes, digest_algorithm: str
    ) -> Iterator[CMSAttributeProvider]:
        yield self.signing_certificate


class _KeptKeySigner(signers.SimpleSigner):
    """pyHanko's SimpleSigner parses its private key again for every signature, which costs about
    55 ms for an RSA key (cryptography validates it each time); this one parses it once, knows
    the room its signatures need and keeps its signed attributes' certificate part."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.signed_attr_prov_spec = _PadesSignedAttributes(
            _KnownSigningCertificate(self.signing_cert)
        )

    @cached_property
    def signature_room(self) -> int:
        """The bytes reserved for a signature, measured on the certificates it embeds: reserving
        them up front spares pyHanko a trial signature to measure it, and keeping the room tight
        spares the verification, which reads all of it back a hex digit at a time (a fixed 16 KiB
        room, four times what the development certificates need, cost 15 ms a check)."""
        certificates = {self.signing_cert.dump(), *(cert.dump() for cert in self.cert_registry)}
        return sum(len(certificate) for certificate in certificates) + SIGNATURE_OVERHEAD_BYTES

    @cached_property
    def _private_key(self) -> Any:
        return serialization.load_der_private_key(self.signing_key.dump(), password=None)

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        if mechanism != "rsassa_pkcs1v15":
            return super().sign_raw(data, digest_algorithm)
        return self._private_key.sign(
            data, PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm)
        )


def _key_file(agency_code: str) -> Path:
    """The agency's PKCS#12 file, or the default one when it has none of its own."""
    folder = Path(settings.SIGNING_KEYS_DIR)
    path = folder / f"{agency_code}.p12"
    return path if path.exists() else folder / "default.p12"


@cache
def _signer_from(path: Path) -> _KeptKeySigner:
    """Loaded once per file (about 60 ms): the offices that sign with the same file share it."""
    signer = signers.SimpleSigner.load_pkcs12(
        pfx_file=str(path), passphrase=settings.SIGNING_PASSPHRASE.encode()
    )
    if signer is None:
        raise RuntimeError(f"cannot open the signing certificate {path}")
    return _KeptKeySigner(
        signing_key=signer.signing_key,
        signing_cert=signer.signing_cert,
        cert_registry=signer.cert_registry,
        signature_mechanism=signer.signature_mechanism,
    )


def pdf_sign(
    pdf: bytes,
    *,
    agency_code: str,
    name: str,
    position: str,
    agency: str,
    where: Anchor,
    field_name: str = FIELD_NAME,
) -> bytes:
    """Sign with the agency's certificate; the stamp fills the space of the signature block.
    A joint document is signed twice, each agency in its own field."""
    name, position, agency = (
        unicodedata.normalize("NFC", text) for text in (name, position, agency)
    )
    meta = signers.PdfSignatureMetadata(
        field_name=field_name,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        name=name,
        location=agency,
    )
    style = TextStampStyle(
        stamp_text=STAMP_TEXT,
        text_box_style=TextBoxStyle(
            font=StampFont(stamp_characters(name, position, agency)),
            font_size=STAMP_FONT_SIZE,
        ),
        border_width=1,
        timestamp_format=STAMP_TIME_FORMAT,
    )
    field_spec = fields.SigFieldSpec(
        sig_field_name=field_name, on_page=where.page, box=_stamp_box(where)
    )
    key = _signer_from(_key_file(agency_code))
    signer = signers.PdfSigner(meta, signer=key, stamp_style=style, new_field_spec=field_spec)
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    writer.document_meta.xmp_extra.append(PDF_A_3B)
    output = io.BytesIO()
    signer.sign_pdf(
        writer,
        output=output,
        bytes_reserved=key.signature_room,
        appearance_text_params={
            "name": name,
            "position": position,
            "agency": agency,
        },
    )
    return output.getvalue()


def _stamp_box(where: Anchor) -> tuple[float, float, float, float]:
    """A stamp 60 mm wide centred in the signature block's empty space."""
    left, bottom, right, top = where.box
    centre, width = (left + right) / 2, 60 * 72 / 25.4
    return (centre - width / 2, bottom + 2, centre + width / 2, top - 2)


@cache
def _trust_roots() -> tuple[asn1_x509.Certificate, ...]:
    return (load_cert_from_pemder(str(settings.SIGNING_TRUST_ROOTS)),)


def pdf_signature_check(pdf: bytes) -> SignatureCheck:
    """Is the file signed, unchanged since signing, and by a certificate we trust?"""
    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # noqa: BLE001 - anything unreadable is simply not a valid signed PDF
        return SignatureCheck(signed=False, intact=False, trusted=False)
    if not signatures:
        return SignatureCheck(signed=False, intact=False, trusted=False)
    context = ValidationContext(trust_roots=list(_trust_roots()), allow_fetching=False)
    try:
        statuses = [validate_pdf_signature(signature, context) for signature in signatures]
    except Exception:  # noqa: BLE001 - a mangled signature is a broken one
        return SignatureCheck(signed=True, intact=False, trusted=False)
    first = statuses[0]
    return SignatureCheck(
        signed=True,
        intact=all(status.intact and status.valid for status in statuses),
        trusted=all(status.trusted for status in statuses),
        signer="; ".join(status.signing_cert.subject.human_friendly for status in statuses),
        signed_at=first.signer_reported_dt.isoformat() if first.signer_reported_dt else "",
    )
