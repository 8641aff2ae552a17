"""What the printing side records while the worker renders an issued run's letters: the
progress the interface shows, each letter's file, the print file, a failure."""

from django.db import transaction
from django.db.models import F

from ..models import RenderStatus, WarningItem, WarningRun


def warning_run_render_started(*, run_pk: int) -> None:
    WarningRun.objects.filter(pk=run_pk).update(
        render_status=RenderStatus.RENDERING, letters_rendered=0, render_error=""
    )


def warning_letter_store_pdf(*, item_pk: int, name: str) -> None:
    WarningItem.objects.filter(pk=item_pk).update(pdf=name)


def warning_run_letters_rendered(*, run_pk: int, count: int) -> bool:
    """Add ``count`` rendered letters; True for the call that completes the run. Workers that
    finish at once queue on the run's row, so exactly one of them sees it complete."""
    with transaction.atomic():
        WarningRun.objects.select_for_update().filter(pk=run_pk).first()
        WarningRun.objects.filter(pk=run_pk).update(letters_rendered=F("letters_rendered") + count)
        run = WarningRun.objects.only("letters_rendered", "letters_total").get(pk=run_pk)
        return run.letters_rendered == run.letters_total


def warning_run_store_print_file(*, run_pk: int, name: str) -> None:
    WarningRun.objects.filter(pk=run_pk).update(print_file=name, render_status=RenderStatus.READY)


def warning_run_render_failed(*, run_pk: int, error: str) -> None:
    WarningRun.objects.filter(pk=run_pk).update(
        render_status=RenderStatus.FAILED, render_error=error[:2000]
    )
