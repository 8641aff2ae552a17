"""Numbers from an agency's outgoing register: per agency, year and series, from 01, never reused.

The counter row is locked with SELECT … FOR UPDATE inside the issuing transaction, so two clerks
issuing at once queue on it and get consecutive numbers; if the transaction rolls back, so does
the number, and nothing is skipped.
"""

from django.db import transaction

from coordination.organisation.models import Agency

from .models import Document, DocumentKind, RegisterCounter, RegisterSeries
from .models.kinds import ABBREVIATION


def register_next_number(
    *, agency: Agency, year: int, series: str = RegisterSeries.ORDINARY
) -> int:
    """Take the next number of the register. Call inside ``transaction.atomic()``."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("register_next_number must run inside a transaction")
    counter, _created = RegisterCounter.objects.select_for_update().get_or_create(
        agency=agency, year=year, series=series
    )
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def register_reserve_number(
    *, agency: Agency, year: int, number: int, series: str = RegisterSeries.ORDINARY
) -> None:
    """Move the counter past a number given outside the system, so it is never given again."""
    counter, _created = RegisterCounter.objects.select_for_update().get_or_create(
        agency=agency, year=year, series=series
    )
    if counter.last_number < number:
        counter.last_number = number
        counter.save(update_fields=["last_number"])


def number_symbol(*, document: Document, number: int) -> str:
    """'01/BHXH-CSYT' for an official letter, '25/CT-BYT' for a directive, and for a joint
    document both agencies' symbols, lead first, with the year: '03/2026/TTLT-BYT-BHXH'."""
    agency, unit = document.agency, document.unit
    if document.is_joint and document.counterpart_agency is not None:
        year = document.year or (document.issued_on.year if document.issued_on else "")
        symbols = f"{agency.symbol}-{document.counterpart_agency.symbol}"
        return f"{number:02d}/{year}/{ABBREVIATION[DocumentKind(document.kind)]}-{symbols}"
    if document.kind == DocumentKind.OFFICIAL_LETTER:
        return f"{number:02d}/{agency.symbol}-{unit.symbol}"
    return f"{number:02d}/{ABBREVIATION[DocumentKind(document.kind)]}-{agency.symbol}"
