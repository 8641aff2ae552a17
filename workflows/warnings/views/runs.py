"""A province's warning runs: the list, a run with its letters, each step, the files."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from coordination.organisation.models import FacilityLevel
from workflows.refusals import refusal_page

from .. import selectors, services
from ..exceptions import WarningActionRefused
from ..forms import (
    AddFacilityForm,
    RemoveFacilityForm,
    ResponseForm,
    RunActionForm,
    RunCreateForm,
)
from ..models import RenderStatus, WarningItem, WarningRun
from ..presentation import item_rows

ACTION_SERVICES = {
    "submit": services.warning_run_submit,
    "approve": services.warning_run_approve,
    "return_to_preparer": services.warning_run_return,
    "issue": services.warning_run_issue,
}
DONE_MESSAGES = {
    "submit": gettext_lazy("The run was sent to the head of the unit."),
    "approve": gettext_lazy("The run was approved and sent for signature."),
    "return_to_preparer": gettext_lazy("The run was returned to the preparer."),
    "issue": gettext_lazy("The letters were signed and numbered. The worker is printing them."),
}
PAGE_SIZE = 50


def _visible_run(request: HttpRequest, pk: int) -> WarningRun:
    return get_object_or_404(selectors.runs_visible_to(request.user), pk=pk)


def _visible_item(request: HttpRequest, pk: int) -> WarningItem:
    items = WarningItem.objects.filter(run__in=selectors.runs_visible_to(request.user))
    return get_object_or_404(items.select_related("run", "facility"), pk=pk)


def run_index(request: HttpRequest) -> HttpResponse:
    provinces = selectors.provinces_visible_to(request.user)
    if not provinces.exists():
        raise PermissionDenied
    page = Paginator(selectors.runs_visible_to(request.user), PAGE_SIZE).get_page(
        request.GET.get("p")
    )
    context = {
        "page": page,
        "may_import": selectors.provinces_importable_by(request.user).exists(),
        "create_form": RunCreateForm(user=request.user),
        "imports": selectors.cost_imports_visible_to(request.user)[:10],
    }
    return render(request, "warnings/index.html", context)


@require_POST
def run_create(request: HttpRequest) -> HttpResponse:
    form = RunCreateForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose a province and write the quarter as 2023Q4."))
        return redirect("warnings_index")
    try:
        run = services.warning_run_create(
            actor=request.user,
            province=form.cleaned_data["province"],
            period=form.cleaned_data["quarter"],
        )
    except WarningActionRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("warnings_index")
    messages.success(request, _("The run was created with the facilities the rules flagged."))
    return redirect("warnings_run", pk=run.pk)


def run_detail(request: HttpRequest, pk: int) -> HttpResponse:
    run = _visible_run(request, pk)
    return render(request, "warnings/run.html", _run_context(run, request.user))


@require_GET
def run_progress(request: HttpRequest, pk: int) -> JsonResponse:
    run = _visible_run(request, pk)
    return JsonResponse(
        {
            "status": run.render_status,
            "label": run.get_render_status_display(),
            "rendered": run.letters_rendered,
            "total": run.letters_total,
            "percent": run.render_percent,
            "done": run.render_status in (RenderStatus.READY, RenderStatus.FAILED),
        }
    )


@require_POST
def run_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    service = ACTION_SERVICES.get(action)
    if service is None:
        raise Http404
    run = _visible_run(request, pk)
    form = RunActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete; nothing was changed."))
        return redirect("warnings_run", pk=pk)
    try:
        service(
            run=run,
            actor=request.user,
            expected_revision=form.cleaned_data["revision"],
            comment=form.cleaned_data["comment"],
        )
    except WarningActionRefused as refusal:
        return _refused(request, run, refusal)
    messages.success(request, str(DONE_MESSAGES[action]))
    return redirect("warnings_run", pk=pk)


@require_POST
def item_add(request: HttpRequest, pk: int) -> HttpResponse:
    run = _visible_run(request, pk)
    form = AddFacilityForm(request.POST, candidates=selectors.run_candidates(run))
    if not form.is_valid():
        return _refused(
            request, run, WarningActionRefused(_("Choose a facility and give a reason."))
        )
    try:
        services.warning_run_add_facility(
            run=run,
            actor=request.user,
            facility=form.cleaned_data["facility"],
            reason=form.cleaned_data["reason"],
            expected_revision=form.cleaned_data["revision"],
        )
    except WarningActionRefused as refusal:
        return _refused(request, run, refusal)
    messages.success(request, _("The facility was added to the list."))
    return redirect("warnings_run", pk=pk)


@require_POST
def item_remove(request: HttpRequest, pk: int) -> HttpResponse:
    item = _visible_item(request, pk)
    form = RemoveFacilityForm(request.POST)
    if not form.is_valid():
        return _refused(request, item.run, WarningActionRefused(_("Give a reason.")))
    try:
        services.warning_run_remove_facility(
            run=item.run,
            actor=request.user,
            item=item,
            reason=form.cleaned_data["reason"],
            expected_revision=form.cleaned_data["revision"],
        )
    except WarningActionRefused as refusal:
        return _refused(request, item.run, refusal)
    messages.success(request, _("The facility was taken off the list."))
    return redirect("warnings_run", pk=item.run_id)


@require_POST
def item_response(request: HttpRequest, pk: int) -> HttpResponse:
    item = _visible_item(request, pk)
    form = ResponseForm(request.POST)
    if not form.is_valid():
        return _refused(request, item.run, WarningActionRefused(_("Choose a response.")))
    try:
        services.warning_item_record_response(
            item=item,
            actor=request.user,
            response=form.cleaned_data["response"],
            note=form.cleaned_data["note"],
        )
    except WarningActionRefused as refusal:
        return _refused(request, item.run, refusal)
    messages.success(request, _("The response was recorded."))
    return redirect("warnings_run", pk=item.run_id)


@require_POST
def run_render_again(request: HttpRequest, pk: int) -> HttpResponse:
    run = _visible_run(request, pk)
    try:
        services.warning_run_render_again(run=run, actor=request.user)
    except WarningActionRefused as refusal:
        return _refused(request, run, refusal)
    messages.success(request, _("The worker will print the letters again."))
    return redirect("warnings_run", pk=pk)


@require_GET
def letter_pdf(request: HttpRequest, pk: int) -> FileResponse:
    item = _visible_item(request, pk)
    if not item.pdf:
        raise Http404("no PDF yet")
    name = f"{item.number_symbol.replace('/', '-')}-{item.facility.code}.pdf"
    return FileResponse(item.pdf.open("rb"), content_type="application/pdf", filename=name)


@require_GET
def print_file(request: HttpRequest, pk: int) -> FileResponse:
    run = _visible_run(request, pk)
    if not run.print_file:
        raise Http404("no print file yet")
    name = f"canh-bao-{run.province.code}-{run.period}.pdf"
    return FileResponse(run.print_file.open("rb"), content_type="application/pdf", filename=name)


def _refused(request: HttpRequest, run: WarningRun, refusal: WarningActionRefused) -> Any:
    run.refresh_from_db()
    return refusal_page(request, "warnings/run.html", _run_context(run, request.user), refusal)


def _run_context(run: WarningRun, user: Any) -> dict[str, Any]:
    may_prepare = selectors.run_may_prepare(run, user)
    return {
        "run": run,
        "rows": item_rows(selectors.run_items(run)),
        "actions": selectors.run_actions_for(run, user),
        "may_prepare": may_prepare,
        "may_respond": selectors.run_may_record_responses(run, user),
        "add_form": AddFacilityForm(
            initial={"revision": run.revision}, candidates=selectors.run_candidates(run)
        )
        if may_prepare
        else None,
        "response_form": ResponseForm(),
        "limits": [
            (FacilityLevel(level).label, limits)
            for level, limits in selectors.thresholds_for(run.province).items()
        ],
        "timeline": selectors.run_timeline(run),
    }
