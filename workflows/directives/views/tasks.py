"""The issuing unit's screens for a task: give it, reword it or move its due date, add
addressees, cancel it."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from workflows.permissions import allowed

from .. import rules, services
from ..exceptions import DirectiveActionRefused, StaleForm
from ..forms import AddAddresseesForm, ReasonForm, TaskCreateForm, TaskEditForm
from ..models import DirectiveTask
from ..selectors import task_periods
from .access import followed_document, managed_task


def task_create(request: HttpRequest, document_pk: int) -> HttpResponse:
    document = followed_document(request, document_pk)
    if not allowed(
        rules.check_manage_document, document, request.user, refused=DirectiveActionRefused
    ):
        raise Http404
    form = TaskCreateForm(request.POST or None, document=document)
    refusal = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.task_create(
                document=document,
                actor=request.user,
                title=data["title"],
                details=data["details"],
                starts_on=data["starts_on"],
                due_on=data["due_on"],
                frequency=data["frequency"],
                measure_label=data["measure_label"],
                measure_unit=data["measure_unit"],
                addressees=form.addressees(),
            )
        except DirectiveActionRefused as error:
            refusal = error.message
        else:
            messages.success(request, _("The task was given; its addressees were told."))
            return redirect("directives_document", pk=document.pk)
    context = {"document": document, "form": form, "refusal": refusal}
    return render(request, "directives/task_form.html", context, status=409 if refusal else 200)


def task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = managed_task(request, pk)
    return render(request, "directives/task_edit.html", _edit_context(task))


def _edit_context(task: DirectiveTask, **forms: Any) -> dict[str, Any]:
    initial = {
        "revision": task.revision,
        "title": task.title,
        "details": task.details,
        "due_on": task.due_on,
        "measure_label": task.measure_label,
        "measure_unit": task.measure_unit,
    }
    return {
        "task": task,
        "document": task.document,
        "periods": task_periods(task),
        "edit_form": forms.get("edit_form") or TaskEditForm(initial=initial),
        "add_form": forms.get("add_form")
        or AddAddresseesForm(initial={"revision": task.revision}, document=task.document),
        "addressees": task.assignments.select_related("agency__province", "unit").order_by(
            "agency__province__code", "agency__kind", "pk"
        ),
        "refusal": forms.get("refusal", ""),
        "changes": forms.get("changes", []),
    }


@require_POST
def task_update(request: HttpRequest, pk: int) -> HttpResponse:
    task = managed_task(request, pk)
    form = TaskEditForm(request.POST)
    if not form.is_valid():
        return _refused(
            request, task, _("The form was incomplete; nothing was changed."), edit_form=form
        )
    data = form.cleaned_data
    try:
        services.task_update(
            task=task,
            actor=request.user,
            expected_revision=data["revision"],
            title=data["title"],
            details=data["details"],
            due_on=data["due_on"],
            measure_label=data["measure_label"],
            measure_unit=data["measure_unit"],
        )
    except DirectiveActionRefused as refusal:
        return _refused(request, task, refusal, edit_form=form)
    messages.success(request, _("The task was changed."))
    return redirect("directives_task_edit", pk=pk)


@require_POST
def task_add(request: HttpRequest, pk: int) -> HttpResponse:
    task = managed_task(request, pk)
    form = AddAddresseesForm(request.POST, document=task.document)
    if not form.is_valid():
        return _refused(request, task, _("Choose the addressees to add."), add_form=form)
    try:
        added = services.task_add_addressees(
            task=task,
            actor=request.user,
            expected_revision=form.cleaned_data["revision"],
            addressees=form.addressees(),
        )
    except DirectiveActionRefused as refusal:
        return _refused(request, task, refusal, add_form=form)
    messages.success(request, _("%(n)d addressees were added.") % {"n": len(added)})
    return redirect("directives_task_edit", pk=pk)


@require_POST
def task_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    task = managed_task(request, pk)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return _refused(request, task, _("Say why the task is cancelled."))
    try:
        services.task_cancel(
            task=task,
            actor=request.user,
            expected_revision=form.cleaned_data["revision"],
            comment=form.cleaned_data["comment"],
        )
    except DirectiveActionRefused as refusal:
        return _refused(request, task, refusal)
    messages.success(request, _("The task was cancelled; its addressees were told."))
    return redirect("directives_document", pk=task.document_id)


def _refused(request: HttpRequest, task: DirectiveTask, refusal: Any, **forms: Any) -> HttpResponse:
    """The page again with the refusal; a stale form is replaced by the task as it is now."""
    task.refresh_from_db()
    message = getattr(refusal, "message", refusal)
    if isinstance(refusal, StaleForm):
        forms = {"changes": refusal.changes}
    context = _edit_context(task, refusal=message, **forms)
    return render(request, "directives/task_edit.html", context, status=409)
