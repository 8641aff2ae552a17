"""An addressee's page for its task: the periods and their reports, the report form for the
addressee's staff, and the issuing unit's reopen, withdraw and remind."""

from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from workflows.permissions import allowed

from .. import rules, selectors, services
from ..exceptions import DirectiveActionRefused, StaleForm
from ..forms import ReasonForm, ReportForm
from ..models import AssignmentState, ReportAttachment, TaskAssignment
from .access import visible_assignment

DONE_MESSAGES = {
    "reopen": gettext_lazy("The task was reopened; the addressee was told why."),
    "withdraw": gettext_lazy("The task was withdrawn from this addressee."),
}


def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = visible_assignment(request, pk)
    return render(request, "directives/assignment.html", _context(assignment, request.user))


def _context(assignment: TaskAssignment, user: Any, **extra: Any) -> dict[str, Any]:
    """Everything the page shows, in a bounded number of queries."""
    today = timezone.localdate()
    reports = list(selectors.assignment_reports(assignment))
    periods = selectors.task_periods(assignment.task)
    reported = {report.period for report in reports}
    labels = {period.number: period.label for period in periods}
    for report in reports:
        report.period_label = labels.get(report.period, "")  # type: ignore[attr-defined]
    may_report = allowed(rules.check_report, assignment, user, refused=DirectiveActionRefused)
    may_manage = allowed(
        rules.check_manage_assignment, assignment, user, refused=DirectiveActionRefused
    )
    open_task = assignment.task.is_open
    return {
        "assignment": assignment,
        "task": assignment.task,
        "document": assignment.task.document,
        "position": selectors.assignment_position(assignment, reported, today=today),
        "periods": selectors.period_lines(periods, reports, today=today),
        "reports": reports,
        "report_form": extra.pop("report_form", None) or _report_form(assignment, reported),
        "may_report": may_report and open_task and assignment.state != AssignmentState.WITHDRAWN,
        "may_manage": may_manage and open_task,
        "reason_form": ReasonForm(initial={"revision": assignment.revision}),
        "history": _history(assignment),
        **extra,
    }


def _report_form(assignment: TaskAssignment, reported: set[int]) -> ReportForm:
    """The period offered first is the earliest one started and not yet reported."""
    today = timezone.localdate()
    started = [p.number for p in selectors.task_periods(assignment.task) if p.starts_on <= today]
    waiting = [number for number in started if number not in reported]
    period = waiting[0] if waiting else (started[-1] if started else None)
    initial = {"revision": assignment.revision, "period": period}
    return ReportForm(initial=initial, assignment=assignment)


def _history(assignment: TaskAssignment) -> list[tuple[str, Any]]:
    """The task's events and the reminders sent, in the order they happened."""
    events = [("event", event) for event in selectors.assignment_timeline(assignment)]
    reminders = [("reminder", r) for r in selectors.assignment_reminders(assignment)]
    return sorted([*events, *reminders], key=lambda item: (item[1].at, item[0]))


@require_POST
def assignment_report(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = visible_assignment(request, pk)
    form = ReportForm(request.POST, request.FILES, assignment=assignment)
    if not form.is_valid():
        return _refused(
            request,
            assignment,
            _("The report was incomplete; nothing was saved."),
            report_form=form,
        )
    data = form.cleaned_data
    try:
        services.report_submit(
            assignment=assignment,
            actor=request.user,
            expected_revision=data["revision"],
            period=data["period"],
            text=data["text"],
            percent_done=data["percent_done"],
            quantity=data.get("quantity"),
            marks_done=data["marks_done"],
            corrects=data["corrects"],
            attachments=data["attachments"],
        )
    except DirectiveActionRefused as refusal:
        return _refused(request, assignment, refusal, report_form=form)
    messages.success(request, _("Your report was sent to the issuing unit."))
    return redirect("directives_assignment", pk=pk)


@require_POST
def assignment_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    assignment = visible_assignment(request, pk)
    try:
        if action == "remind":
            services.assignment_remind(assignment=assignment, actor=request.user)
            messages.success(request, _("The addressee was reminded."))
            return redirect("directives_assignment", pk=pk)
        if action not in DONE_MESSAGES:
            raise Http404
        _transition(request, assignment, action)
    except DirectiveActionRefused as refusal:
        return _refused(request, assignment, refusal)
    messages.success(request, str(DONE_MESSAGES[action]))
    return redirect("directives_assignment", pk=pk)


def _transition(request: HttpRequest, assignment: TaskAssignment, action: str) -> None:
    form = ReasonForm(request.POST)
    if not form.is_valid():
        raise DirectiveActionRefused(_("Say why; nothing was changed."))
    service = getattr(services, f"assignment_{action}")
    service(
        assignment=assignment,
        actor=request.user,
        expected_revision=form.cleaned_data["revision"],
        comment=form.cleaned_data["comment"],
    )


def report_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """A file of a report, to those who may see the addressee's page, always as a download."""
    assignment = visible_assignment(request, pk)
    attachment = get_object_or_404(
        ReportAttachment.objects.filter(report__assignment=assignment), pk=attachment_pk
    )
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


def _refused(
    request: HttpRequest, assignment: TaskAssignment, refusal: Any, **extra: Any
) -> HttpResponse:
    assignment.refresh_from_db()
    context = _context(assignment, request.user, **extra)
    context["refusal"] = getattr(refusal, "message", refusal)
    if isinstance(refusal, StaleForm):
        context["changes"] = refusal.changes
        reported = {report.period for report in context["reports"]}
        context["report_form"] = _report_form(assignment, reported)
    return render(request, "directives/assignment.html", context, status=409)
