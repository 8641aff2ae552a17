"""Printing the summary report in the worker; a failure is kept with its reason."""

from django.core.files.base import ContentFile
from django.utils import timezone

from coordination.organisation.models import Agency

from ..models import PrintStatus, SummaryPrint
from ..render import render_pdf
from .report import summary_html


def summary_store_pdf(*, print_pk: int) -> None:
    job = SummaryPrint.objects.select_related("province").get(pk=print_pk)
    try:
        html = summary_html(agency=Agency.objects.get(code="vss"), province=job.province)
        pdf = render_pdf(html)
    except Exception as exc:
        SummaryPrint.objects.filter(pk=print_pk).update(
            status=PrintStatus.FAILED, error=f"{type(exc).__name__}: {exc}"
        )
        raise
    place = job.province.code if job.province else "toan-quoc"
    job.pdf.save(
        f"bao-cao-tong-hop-{place}-{timezone.localdate():%Y%m%d}.pdf", ContentFile(pdf), save=False
    )
    job.status = PrintStatus.READY
    job.save(update_fields=["pdf", "status"])
