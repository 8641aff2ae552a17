"""Printing an agency's outgoing register: a landscape table under the agency's header."""

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone

from workflows.documents.models import RegisterSeries
from workflows.documents.registers import register_rows

from .models import PrintStatus, RegisterPrint
from .render import render_pdf
from .snapshot import nfc

# Printed in Vietnamese whatever the reader's language (Decree 30, Appendix III).
PRINTED_COLUMNS = (
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
)


def register_html(print_job: RegisterPrint) -> str:
    rows = register_rows(agency=print_job.agency, year=print_job.year, series=print_job.series)
    context = {
        "agency": nfc(print_job.agency.name.upper()),
        "parent": nfc(print_job.agency.parent.name.upper()) if print_job.agency.parent else "",
        "year": print_job.year,
        "confidential": print_job.series == RegisterSeries.CONFIDENTIAL,
        "columns": PRINTED_COLUMNS,
        "rows": rows,
        "printed_at": timezone.localtime(),
    }
    return render_to_string("reports/register.html", context)


def register_store_pdf(*, print_pk: int) -> None:
    """Render and store; a failure is recorded with its reason and leaves no file."""
    job = RegisterPrint.objects.select_related("agency__parent").get(pk=print_pk)
    try:
        html = register_html(job)
        pdf = render_pdf(html)
    except Exception as exc:
        RegisterPrint.objects.filter(pk=print_pk).update(
            status=PrintStatus.FAILED, error=f"{type(exc).__name__}: {exc}"
        )
        raise
    name = f"so-van-ban-di-{job.agency.code}-{job.year}-{job.series}.pdf"
    job.pdf.save(name, ContentFile(pdf), save=False)
    job.status = PrintStatus.READY
    job.rows = html.count('class="register-row"')
    job.save(update_fields=["pdf", "status", "rows"])
