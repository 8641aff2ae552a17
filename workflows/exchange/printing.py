"""Printing the incoming register: a print job is recorded here and announced through the
``incoming_register_print_requested`` hook after the commit; the printing side (reports) renders
it with the worker and records the PDF, or the failure, through the two functions below."""

from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from wagtail import hooks

from coordination.organisation.models import Agency

from .exceptions import WrongAgency
from .models import IncomingRegisterPrint, PrintStatus
from .selectors import incoming_agencies_for

HOOK_INCOMING_REGISTER_PRINT = "incoming_register_print_requested"


def incoming_register_print_request(
    *, agency: Agency, year: int, actor: Any
) -> IncomingRegisterPrint:
    if not incoming_agencies_for(actor).filter(pk=agency.pk).exists():
        raise WrongAgency(_("Only staff of %(agency)s may do this.") % {"agency": agency.name})
    job = IncomingRegisterPrint.objects.create(agency=agency, year=year, requested_by=actor)
    transaction.on_commit(lambda: _announce(job.pk))
    return job


def incoming_register_print_store(*, print_pk: int, pdf: bytes, rows: int) -> None:
    job = IncomingRegisterPrint.objects.select_related("agency").get(pk=print_pk)
    job.pdf.save(f"so-van-ban-den-{job.agency.code}-{job.year}.pdf", ContentFile(pdf), save=False)
    job.status, job.rows, job.error = PrintStatus.READY, rows, ""
    job.save(update_fields=["pdf", "status", "rows", "error"])


def incoming_register_print_failed(*, print_pk: int, error: str) -> None:
    IncomingRegisterPrint.objects.filter(pk=print_pk).update(
        status=PrintStatus.FAILED, error=error[:2000]
    )


def _announce(print_pk: int) -> None:
    for fn in hooks.get_hooks(HOOK_INCOMING_REGISTER_PRINT):
        fn(print_pk)
