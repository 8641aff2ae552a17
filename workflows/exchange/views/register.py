"""The incoming register's staff page: choose the agency and year, read, export as XLSX, print
as PDF by the worker."""

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coordination.organisation.selectors import capacities_remember
from workflows.spreadsheets import XLSX

from .. import selectors
from ..forms import RegisterFilterForm
from ..models import IncomingRegisterPrint, PrintStatus
from ..printing import incoming_register_print_request
from ..register import COLUMNS, incoming_register_rows, incoming_register_xlsx


def _chosen(request: HttpRequest) -> tuple[RegisterFilterForm, dict[str, Any]]:
    capacities_remember(request.user)
    data = request.GET if request.method == "GET" else request.POST
    form = RegisterFilterForm(data, user=request.user)
    if not form.agencies:
        return form, {}
    if not form.is_valid():
        raise Http404
    chosen = dict(form.cleaned_data)
    chosen["agency"] = form.agencies[chosen["agency"]]
    return form, chosen


def register_index(request: HttpRequest) -> HttpResponse:
    form, chosen = _chosen(request)
    if not chosen:
        return render(request, "exchange/register.html", {"form": None}, status=403)
    agency = chosen["agency"]
    rows = incoming_register_rows(agency=agency, year=chosen["year"], query=chosen["q"])
    prints = IncomingRegisterPrint.objects.filter(agency=agency, year=chosen["year"])[:3]
    may_import = selectors.registering_agencies_for(request.user).filter(pk=agency.pk).exists()
    context = {
        "form": form,
        "rows": rows,
        "columns": COLUMNS,
        "prints": prints,
        "chosen": chosen,
        "may_import": may_import,
    }
    return render(request, "exchange/register.html", context)


def register_xlsx(request: HttpRequest) -> HttpResponse:
    _form, chosen = _chosen(request)
    if not chosen:
        raise Http404
    rows = incoming_register_rows(agency=chosen["agency"], year=chosen["year"], query=chosen["q"])
    content = incoming_register_xlsx(rows=rows, year=chosen["year"])
    response = HttpResponse(content, content_type=XLSX)
    name = f"so-van-ban-den-{chosen['agency'].code}-{chosen['year']}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def register_print(request: HttpRequest) -> HttpResponse:
    _form, chosen = _chosen(request)
    if not chosen:
        raise Http404
    job = incoming_register_print_request(
        agency=chosen["agency"], year=chosen["year"], actor=request.user
    )
    messages.success(request, _("The register is being printed; its PDF appears here shortly."))
    return redirect(f"{reverse('exchange_register')}?agency={job.agency.code}&year={job.year}")


def register_pdf(request: HttpRequest, pk: int) -> FileResponse:
    capacities_remember(request.user)
    readable = selectors.incoming_agencies_for(request.user)
    job = get_object_or_404(
        IncomingRegisterPrint, pk=pk, status=PrintStatus.READY, agency__in=readable
    )
    name = f"so-van-ban-den-{job.agency.code}-{job.year}.pdf"
    return FileResponse(job.pdf.open("rb"), content_type="application/pdf", filename=name)
