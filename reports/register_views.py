"""The outgoing register's staff page: filter, read, export as XLSX, print as PDF by the worker."""

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from workflows.documents.models import RegisterSeries
from workflows.documents.registers import COLUMNS, register_agencies_for, register_rows
from workflows.spreadsheets import XLSX, register_workbook

from .models import PrintStatus, RegisterPrint
from .tasks import register_render_pdf

# The widths of the ten columns, from A, in characters.
WIDTHS = (16, 11, 60, 20, 40, 14, 8, 11, 14, 24)


class RegisterFilterForm(forms.Form):
    agency = forms.ChoiceField(label=gettext_lazy("Agency"))
    year = forms.IntegerField(label=gettext_lazy("Year"), min_value=2000, max_value=2100)
    series = forms.ChoiceField(label=gettext_lazy("Series"), choices=RegisterSeries.choices)
    q = forms.CharField(label=gettext_lazy("Number or subject contains"), required=False)

    def __init__(self, data: Any, *, user: Any) -> None:
        series = data.get("series") or RegisterSeries.ORDINARY
        agencies = register_agencies_for(user, series=series)
        if not agencies:
            raise PermissionDenied(
                _("Only clerks, signers, unit heads and legal staff read registers.")
            )
        initial = {
            "agency": agencies[0].code,
            "year": timezone.localdate().year,
            "series": RegisterSeries.ORDINARY,
        }
        super().__init__({**initial, **{k: v for k, v in data.items() if v}})
        self.fields["agency"].choices = [(a.code, a.name) for a in agencies]
        self.agencies = {a.code: a for a in agencies}


def _chosen(request: HttpRequest) -> tuple[RegisterFilterForm, dict[str, Any]]:
    form = RegisterFilterForm(
        request.GET if request.method == "GET" else request.POST, user=request.user
    )
    if not form.is_valid():
        raise Http404
    data = dict(form.cleaned_data)
    data["agency"] = form.agencies[data["agency"]]
    return form, data


def register_index(request: HttpRequest) -> HttpResponse:
    form, chosen = _chosen(request)
    rows = register_rows(
        agency=chosen["agency"], year=chosen["year"], series=chosen["series"], query=chosen["q"]
    )
    prints = RegisterPrint.objects.filter(
        agency=chosen["agency"], year=chosen["year"], series=chosen["series"]
    )[:3]
    context = {"form": form, "rows": rows, "columns": COLUMNS, "prints": prints, "chosen": chosen}
    return render(request, "reports/register_index.html", context)


def register_xlsx(request: HttpRequest) -> HttpResponse:
    _form, chosen = _chosen(request)
    rows = register_rows(
        agency=chosen["agency"], year=chosen["year"], series=chosen["series"], query=chosen["q"]
    )
    content = register_workbook(
        title=f"So van ban di {chosen['year']}",
        columns=COLUMNS,
        rows=(row.cells() for row in rows),
        widths=WIDTHS,
        date_columns="BH",
    )
    name = f"so-van-ban-di-{chosen['agency'].code}-{chosen['year']}-{chosen['series']}.xlsx"
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_POST
def register_print(request: HttpRequest) -> HttpResponse:
    _form, chosen = _chosen(request)
    job = RegisterPrint.objects.create(
        agency=chosen["agency"],
        year=chosen["year"],
        series=chosen["series"],
        requested_by=request.user,
    )
    register_render_pdf.enqueue(job.pk)
    messages.success(request, _("The register is being printed; its PDF appears here shortly."))
    query = f"agency={job.agency.code}&year={job.year}&series={job.series}"
    return redirect(f"{reverse('reports_register')}?{query}")


def register_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(RegisterPrint, pk=pk, status=PrintStatus.READY)
    if job.agency not in register_agencies_for(request.user, series=job.series):
        raise Http404
    return FileResponse(
        job.pdf.open("rb"), content_type="application/pdf", filename=job.pdf.name.rsplit("/", 1)[-1]
    )
