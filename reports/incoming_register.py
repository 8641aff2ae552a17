"""Printing an agency's incoming register: a landscape table under the agency's header, like
the outgoing register, rendered by the worker when the exchange asks for it."""

from django.template.loader import render_to_string
from django.utils import timezone

from workflows.exchange.models import IncomingRegisterPrint
from workflows.exchange.printing import (
    incoming_register_print_failed,
    incoming_register_print_store,
)
from workflows.exchange.register import incoming_register_rows

from .render import render_pdf
from .snapshot import nfc

# Printed in Vietnamese whatever the reader's language (Decree 30, Appendix III).
PRINTED_COLUMNS = (
    "Số đến",
    "Ngày đến",
    "Tác giả",
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung",
    "Đơn vị hoặc người nhận",
    "Ký nhận",
    "Hạn giải quyết",
    "Ghi chú",
)


def incoming_register_html(job: IncomingRegisterPrint) -> str:
    rows = incoming_register_rows(agency=job.agency, year=job.year)
    context = {
        "agency": nfc(job.agency.name.upper()),
        "parent": nfc(job.agency.parent.name.upper()) if job.agency.parent else "",
        "year": job.year,
        "columns": PRINTED_COLUMNS,
        "rows": rows,
        "printed_at": timezone.localtime(),
    }
    return render_to_string("reports/incoming_register.html", context)


def incoming_register_store_pdf(*, print_pk: int) -> int:
    """Render and store; a failure is recorded with its reason and leaves no file. Returns the
    number of rows printed."""
    job = IncomingRegisterPrint.objects.select_related("agency__parent").get(pk=print_pk)
    try:
        html = incoming_register_html(job)
        pdf = render_pdf(html)
    except Exception as exc:
        incoming_register_print_failed(print_pk=print_pk, error=f"{type(exc).__name__}: {exc}")
        raise
    rows = html.count('class="register-row"')
    incoming_register_print_store(print_pk=print_pk, pdf=pdf, rows=rows)
    return rows
