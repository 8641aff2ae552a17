"""Uploading a quarter's cost data: the form with the published columns, the list of problems
of a rejected file (on the page and as a CSV), the template to fill in."""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Font

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from ..columns import COLUMNS
from ..costfile import Problem
from ..exceptions import CostFileRejected, WarningActionRefused
from ..forms import CostImportForm
from ..models import CostImport
from ..problems import problems_csv
from ..selectors import cost_imports_visible_to, provinces_importable_by
from ..services import cost_import_create

PROBLEMS_KEY = "warnings_cost_import_problems"
MAX_PROBLEMS_KEPT = 5000
RECENT_IMPORTS = 20


def cost_import(request: HttpRequest) -> HttpResponse:
    if not provinces_importable_by(request.user).exists():
        raise PermissionDenied
    form = CostImportForm(request.POST or None, request.FILES or None, user=request.user)
    problems = []
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            done = cost_import_create(
                actor=request.user,
                province=data["province"],
                period=data["quarter"],
                content=data["file"].read(),
                source_name=data["file"].name,
                replace=data["replace"],
            )
        except CostFileRejected as rejected:
            problems = rejected.problems
            request.session[PROBLEMS_KEY] = [
                [p.row, p.column, p.message] for p in problems[:MAX_PROBLEMS_KEPT]
            ]
        except WarningActionRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _import_done(done))
            return redirect("warnings_index")
    context = {
        "form": form,
        "problems": problems,
        "columns": COLUMNS,
        "imports": cost_imports_visible_to(request.user)[:RECENT_IMPORTS],
    }
    return render(request, "warnings/import.html", context, status=422 if problems else 200)


def _import_done(done: CostImport) -> str:
    return _("%(province)s %(quarter)s: %(rows)s facilities imported as version %(version)s.") % {
        "province": done.province.name,
        "quarter": done.period.roman,
        "rows": done.row_count,
        "version": done.version,
    }


@require_GET
def problems_download(request: HttpRequest) -> HttpResponse:
    kept = request.session.get(PROBLEMS_KEY, [])
    problems = [Problem(row, column, message) for row, column, message in kept]
    response = HttpResponse(problems_csv(problems), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="loi-tep-chi-phi.csv"'
    return response


@require_GET
def template_download(request: HttpRequest) -> HttpResponse:
    """The columns to fill in, as CSV UTF-8 (default) or XLSX."""
    if request.GET.get("format") == "xlsx":
        return _xlsx_template()
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerow([column.header for column in COLUMNS])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mau-chi-phi-co-so.csv"'
    return response


def _xlsx_template() -> HttpResponse:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Chi phí"
    sheet.append([column.header for column in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = 24
    output = io.BytesIO()
    workbook.save(output)
    response = HttpResponse(
        output.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="mau-chi-phi-co-so.xlsx"'
    return response
