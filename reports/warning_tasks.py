"""Printing an issued warning run: one letter per facility in the official layout, one PDF per
letter and one print file of them all, rendered by the task worker.

Each letter is signed with the office's certificate like any issued document. The run is cut
into chunks of letters, each chunk its own task, so that every worker running
takes a share; the chunk that completes the run queues the print file. Progress is written on
the run as chunks finish, for the interface's progress bar."""

import io

from anyascii import anyascii
from django_tasks import task
from pypdf import PdfWriter

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

from .batch import BatchLetter, letters_render_batch
from .letters.warning import FacilityFigures, WarningLetter, warning_letter_snapshot
from .signing import pdf_sign
from .snapshot import DocumentSnapshot

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
        "run__agency__parent", "run__unit", "facility", "cost", "previous_cost"
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
        items = _letters(run_pk, item_pks)
        batch = letters_render_batch([warning_item_snapshot(item) for item in items])
        for item, letter in zip(items, batch.letters, strict=True):
            stem = slugify(anyascii(f"{item.number_symbol.replace('/', '-')}-{item.facility.code}"))
            pdf = _signed(item.run, letter)
            name = default_storage.save(f"{_folder(item.run)}/{stem}.pdf", ContentFile(pdf))
            warning_letter_store_pdf(item_pk=item.pk, name=name)
    except Exception as error:
        warning_run_render_failed(run_pk=run_pk, error=f"{type(error).__name__}: {error}")
        raise
    if warning_run_letters_rendered(run_pk=run_pk, count=len(items)):
        warning_run_assemble.enqueue(run_pk)
    return len(items)


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
        writer = PdfWriter()
        for item in _letters(run_pk):
            with item.pdf.open("rb") as letter:
                writer.append(io.BytesIO(letter.read()))
        output = io.BytesIO()
        writer.write(output)
        name = default_storage.save(
            f"{_folder(run)}/in-{run.province.code}-{run.period}.pdf",
            ContentFile(output.getvalue()),
        )
    except Exception as error:
        warning_run_render_failed(run_pk=run_pk, error=f"{type(error).__name__}: {error}")
        raise
    warning_run_store_print_file(run_pk=run_pk, name=name)
    return name
