"""Frozen, plain data of what a printed document shows. No ORM objects past this point: the same
snapshot feeds the HTML preview, the PDF and (later) the JSON attached to archival copies."""

import unicodedata
from dataclasses import dataclass, field
from datetime import date


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


@dataclass(frozen=True)
class SignatureBlock:
    authority: str
    position: str
    name: str
    agency: str = ""


@dataclass(frozen=True)
class DocumentSnapshot:
    parent_agency: str
    agency: str
    number_line: str
    place_date: str
    title: str
    subject: str
    is_letter: bool
    paragraphs: tuple[str, ...]
    signatures: tuple[SignatureBlock, ...]
    recipients: tuple[str, ...]
    addressees: tuple[str, ...] = ()
    urgency: str = ""
    lead_agency_short: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def summary_line(self) -> str:
        """'V/v …' under the number of an official letter."""
        subject = self.subject
        for prefix in ("Về việc ", "về việc ", "V/v ", "v/v "):
            if subject.startswith(prefix):
                subject = subject[len(prefix) :]
                break
        return f"V/v {subject}"
