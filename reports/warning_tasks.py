"""Printing an issued warning run: one letter per facility in the official layout, one PDF per
letter and one print file of them all, rendered by the task worker.

Each letter is an issued paper like any other: an archival PDF/A-3b with its snapshot attached,
a verification code and QR code, signed with the office's certificate. The run is cut
into chunks of letters, each chunk its own task, so that every worker running
takes a share; the chunk that completes the run queues the print file. Progress is written on
the run as chunks finish, for the interface's progress bar."""

import hashlib

from anyascii import anyascii
from django_tasks import task

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils.text import slugify

from workflows.warnings.models import FacilityCost, WarningItem, WarningRun
from workflows.warnings.numerals import vn_int, vn_signed_percent
from workflows.warnings.services import (
    warning_letter_store_pdf,
    warning_run_letters_rendered,
    warning_run_render_failed,
    warning_run_render_started,
    warning_run_store_print_file,
)

from .batch import BatchLetter, letters_print_file, letters_render_batch
from .letters.warning import FacilityFigures, WarningLetter, warning_letter_snapshot
from .models import IssuedPdf
from .render import collector_paused
from .signing import SignatureCheck, pdf_sign, pdf_signature_check
from .snapshot import DocumentSnapshot
from .verification import verification_for

CHUNK = 50
NOT_YET = "—"
SIGNATURE_ANCHOR = "signature-1"


def warning_item_snapshot(item: WarningItem) -> DocumentSnapshot:
    """The letter of one facility, as issued or (before signature) as it will read."""
    run = item.run
    agency = run.agency
    return warning_letter_snapshot(
        WarningLetter(
            parent_agency=agency.parent.name if agency.parent else "",
            agency=agency.name,
            place=agency.place,
            unit_symbol=run.unit.symbol,
            number_symbol=item.number_symbol or f"      /{agency.symbol}-{run.unit.symbol}",
            issued_on=run.issued_on,
            quarter=run.period.roman,
            facility_name=item.facility.name,
            figures=_figures(item.cost, item.previous_cost),
            reasons=tuple(item.reasons),
            reply_by=run.reply_by.strftime("%d/%m/%Y") if run.reply_by else "…/…/…",
            signer_authority=run.signer_authority,
            signer_position=run.signer_position,
            signer_name=run.signer_name,
        )
    )


def _figures(cost: FacilityCost, previous: FacilityCost | None) -> tuple[FacilityFigures, ...]:
    def row(label: str, value: float, before: float | None) -> FacilityFigures:
        change = vn_signed_percent(value / before - 1) if before else NOT_YET
        return FacilityFigures(
            label, vn_int(value), vn_int(before) if before is not None else NOT_YET, change
        )

    def per_visit(figures: FacilityCost) -> float:
        return figures.total_cost / figures.visits if figures.visits else 0

    return (
        row("Tổng chi phí (đồng)", cost.total_cost, previous and previous.total_cost),
        row(
            "Chi phí BHYT thanh toán (đồng)",
            cost.insurance_paid,
            previous and previous.insurance_paid,
        ),
        row("Số lượt khám, chữa bệnh", cost.visits, previous and previous.visits),
        row("Chi phí bình quân một lượt (đồng)", per_visit(cost), previous and per_visit(previous)),
        row(
            "Số tiền từ chối thanh toán (đồng)",
            cost.rejected_amount,
            previous and previous.rejected_amount,
        ),
    )


def _letters(run_pk: int, item_pks: list[int] | None = None) -> list[WarningItem]:
    items = WarningItem.objects.filter(run_id=run_pk, included=True).select_related(
        "run__agency__parent",
        "run__province",
        "run__unit",
        "facility",
        "cost",
        "previous_cost",
    )
    if item_pks is not None:
        items = items.filter(pk__in=item_pks)
    return list(items.order_by("number", "facility__code"))


def _folder(run: WarningRun) -> str:
    return f"warnings/{run.year}/{run.province.code}-{run.period}"


@task()
def warning_run_render(run_pk: int) -> int:
    """Queue the run's letters in chunks; returns the number of chunks."""
    warning_run_render_started(run_pk=run_pk)
    pks = [item.pk for item in _letters(run_pk)]
    chunks = [pks[start : start + CHUNK] for start in range(0, len(pks), CHUNK)]
    for chunk in chunks:
        warning_letters_render.enqueue(run_pk, chunk)
    return len(chunks)


@task()
def warning_letters_render(run_pk: int, item_pks: list[int]) -> int:
    """Lay out a chunk of letters in one pass; sign and store each as its own PDF."""
    try:
        with collector_paused():
            count = _letters_render_and_store(run_pk, item_pks)
    except Exception as error:
        warning_run_render_failed(run_pk=run_pk, error=f"{type(error).__name__}: {error}")
        raise
    if warning_run_letters_rendered(run_pk=run_pk, count=count):
        warning_run_assemble.enqueue(run_pk)
    return count


def _letters_render_and_store(run_pk: int, item_pks: list[int]) -> int:
    items = _letters(run_pk, item_pks)
    issued = _issued_pdfs(items)
    snapshots = [
        warning_item_snapshot(item).with_verification(
            verification_for(issued[item.pk].verification_code)
        )
        for item in items
    ]
    letters = letters_render_batch(snapshots, archival=True)
    signed = [_signed(item.run, letter) for item, letter in zip(items, letters, strict=True)]
    check = _signature_check(signed)
    for item, pdf in zip(items, signed, strict=True):
        _store(item, pdf, issued[item.pk], check)
    return len(items)


def _issued_pdfs(items: list[WarningItem]) -> dict[int, IssuedPdf]:
    """Each letter's verification code, the same when a failed chunk is rendered again."""
    pks = [item.pk for item in items]
    existing = set(
        IssuedPdf.objects.filter(warning_item__in=pks).values_list("warning_item", flat=True)
    )
    IssuedPdf.objects.bulk_create(
        [IssuedPdf(warning_item=item) for item in items if item.pk not in existing]
    )
    return {
        issued.warning_item_id: issued for issued in IssuedPdf.objects.filter(warning_item__in=pks)
    }


def _signature_check(signed: list[bytes]) -> SignatureCheck:
    """The signature verified on the first letter of a chunk: the others are signed by the same
    key in the same way. A signature that does not verify stops the chunk."""
    check = pdf_signature_check(signed[0])
    if not check.valid:
        raise RuntimeError("the letters' signature does not verify against the trusted roots")
    return check


def _store(item: WarningItem, pdf: bytes, issued: IssuedPdf, check: SignatureCheck) -> None:
    """Store the signed letter, then its fingerprint for the verification page."""
    stem = slugify(anyascii(f"{item.number_symbol.replace('/', '-')}-{item.facility.code}"))
    name = default_storage.save(f"{_folder(item.run)}/{stem}.pdf", ContentFile(pdf))
    issued.sha256 = hashlib.sha256(pdf).hexdigest()
    issued.size = len(pdf)
    issued.signed, issued.signature_valid = check.signed, check.valid
    issued.certificate = check.signer[:300]
    issued.save(update_fields=["sha256", "size", "signed", "signature_valid", "certificate"])
    warning_letter_store_pdf(item_pk=item.pk, name=name)


def _signed(run: WarningRun, letter: BatchLetter) -> bytes:
    """Signed (PAdES) by the office's certificate, the stamp in the signature block."""
    return pdf_sign(
        letter.pdf,
        agency_code=run.agency.code,
        name=run.signer_name,
        position=run.signer_position,
        agency=run.agency.name,
        where=letter.anchors[SIGNATURE_ANCHOR],
    )


@task()
def warning_run_assemble(run_pk: int) -> str:
    """The print file: every letter of the run in the order of their numbers."""
    try:
        run = WarningRun.objects.select_related("province").get(pk=run_pk)
        print_file = letters_print_file(_stored(item) for item in _letters(run_pk))
        name = default_storage.save(
            f"{_folder(run)}/in-{run.province.code}-{run.period}.pdf", ContentFile(print_file)
        )
    except Exception as error:
        warning_run_render_failed(run_pk=run_pk, error=f"{type(error).__name__}: {error}")
        raise
    warning_run_store_print_file(run_pk=run_pk, name=name)
    return name


def _stored(item: WarningItem) -> bytes:
    with item.pdf.open("rb") as letter:
        return letter.read()
