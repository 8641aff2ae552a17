"""Frozen, plain data of what a printed document shows. No ORM objects past this point: the same
snapshot feeds the HTML preview, the PDF and the JSON attached to archival copies."""

import dataclasses
import json
import unicodedata
from dataclasses import dataclass
from datetime import date
from typing import Any


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def vietnamese_date(day: date) -> str:
    """'ngày 05 tháng 01 năm 2020': a leading zero for days below 10 and for months 1 and 2."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def place_and_date(place: str, day: date | None, year: int) -> str:
    if day is None:
        return f"{place}, ngày      tháng      năm {year}"
    return f"{place}, {vietnamese_date(day)}"


# Decree 30 gives each urgency mark its own box, 8 mm high: KHẨN 20 mm wide, THƯỢNG KHẨN 40 mm,
# HỎA TỐC 30 mm. The stylesheet sizes the box by these names.
URGENCY_STAMPS = {"KHẨN": "urgent", "THƯỢNG KHẨN": "very-urgent", "HỎA TỐC": "flash"}


@dataclass(frozen=True)
class Issuer:
    """One issuing agency in the header's left column (its parent agency above it, if any)."""

    name: str
    parent: str = ""


@dataclass(frozen=True)
class Paragraph:
    kind: str  # "text", "ground", "chapter", "chapter_title", "heading", "article"
    text: str
    lead: str = ""


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


@dataclass(frozen=True)
class Annex:
    title: str
    table: Table
    landscape: bool = True


@dataclass(frozen=True)
class SignatureBlock:
    authority: str
    position: str
    name: str
    agency: str = ""
    anchor: str = "signature-1"


@dataclass(frozen=True)
class Verification:
    code: str
    url: str
    qr_image: str


@dataclass(frozen=True)
class DocumentSnapshot:
    issuers: tuple[Issuer, ...]
    number_line: str
    place_date: str
    title: str
    subject: str
    is_letter: bool
    paragraphs: tuple[Paragraph, ...]
    signatures: tuple[SignatureBlock, ...]
    recipients: tuple[str, ...]
    addressees: tuple[str, ...] = ()
    urgency: str = ""
    confidentiality: str = ""
    figures: Table | None = None
    annexes: tuple[Annex, ...] = ()
    annex_reference: str = ""
    verification: Verification | None = None

    @property
    def summary_line(self) -> str:
        """'V/v …' under the number of an official letter."""
        subject = self.subject
        for prefix in ("Về việc ", "về việc ", "V/v ", "v/v "):
            if subject.startswith(prefix):
                subject = subject[len(prefix) :]
                break
        return f"V/v {subject}"

    @property
    def urgency_stamp(self) -> str:
        return URGENCY_STAMPS.get(self.urgency, "")

    def with_verification(self, verification: Verification) -> "DocumentSnapshot":
        return dataclasses.replace(self, verification=verification)

    def to_json(self) -> str:
        """The printed data, for the JSON attachment of archival copies."""
        data: dict[str, Any] = dataclasses.asdict(self)
        if data.get("verification"):
            data["verification"].pop("qr_image", None)
        return json.dumps(data, ensure_ascii=False, indent=2, default=str)
