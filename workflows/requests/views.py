"""The staff screens (inside the Wagtail admin): the requests queue, a new request, a request's
page with its timeline and the actions of the person looking."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from coordination.organisation.selectors import capacities_remember

from . import selectors, services
from .exceptions import RequestActionRefused
from .forms import LinkDocumentForm, RequestActionForm, RequestCreateForm
from .models import CoordinationRequest

TABS = (
    ("waiting", gettext_lazy("Waiting for me"), selectors.requests_waiting_for),
    ("queue", gettext_lazy("My unit's queue"), selectors.requests_in_unit_queue),
    ("assigned", gettext_lazy("Assigned to me"), selectors.requests_assigned_to),
    ("mine", gettext_lazy("My requests"), selectors.requests_raised_by),
    ("overdue", gettext_lazy("Overdue"), selectors.requests_overdue),
    ("all", gettext_lazy("All requests I can see"), selectors.requests_visible_to),
)
DONE_MESSAGES = {
    "assign": gettext_lazy("The request was assigned."),
    "forward": gettext_lazy("The request was forwarded."),
    "answer": gettext_lazy("Your answer was sent to the requester."),
    "ask": gettext_lazy("Your question was sent to the requester."),
    "reply": gettext_lazy("Your reply was sent."),
    "accept": gettext_lazy("You accepted the answer; the request is closed."),
    "reopen": gettext_lazy("The request was reopened."),
}
PAGE_SIZE = 50


def visible_request(request: HttpRequest, pk: int) -> CoordinationRequest:
    return get_object_or_404(selectors.requests_visible_to(request.user), pk=pk)


def request_index(request: HttpRequest) -> HttpResponse:
    capacities_remember(request.user)
    lists = {name: select for name, _label, select in TABS}
    tab = request.GET.get("tab", "waiting")
    if tab not in lists:
        tab = "waiting"
    page = Paginator(lists[tab](request.user), PAGE_SIZE).get_page(request.GET.get("p"))
    counts = selectors.request_counts(request.user)
    context = {
        "page": page,
        "tab": tab,
        "tabs": [(name, label, counts.get(name)) for name, label, _select in TABS],
        "today": timezone.localdate(),
    }
    return render(request, "requests/index.html", context)


def request_create(request: HttpRequest) -> HttpResponse:
    capacities_remember(request.user)
    form = RequestCreateForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            created = services.request_create(
                actor=request.user,
                requester_unit=data["requester_unit"],
                unit=data["unit"],
                subject=data["subject"],
                description=data["description"],
                urgency=data["urgency"],
                due_on=data["due_on"],
                documents=data["documents"],
                attachments=data["attachments"],
            )
        except RequestActionRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The request was sent."))
            return redirect("requests_detail", pk=created.pk)
    return render(request, "requests/form.html", {"form": form})


def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    capacities_remember(request.user)
    item = visible_request(request, pk)
    return render(request, "requests/detail.html", _detail_context(item, request.user))


@require_POST
def request_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in DONE_MESSAGES:
        raise Http404
    capacities_remember(request.user)
    item = visible_request(request, pk)
    form = RequestActionForm(request.POST, request=item)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete; nothing was changed."))
        return redirect("requests_detail", pk=pk)
    try:
        _perform(item, request.user, action, form.cleaned_data)
    except RequestActionRefused as refusal:
        return _refused_page(request, item, refusal)
    messages.success(request, str(DONE_MESSAGES[action]))
    return redirect("requests_detail", pk=pk)


def request_attachment(request: HttpRequest, pk: int, attachment_pk: int) -> FileResponse:
    """A file of a request, to those who may see the request, always as a download."""
    item = visible_request(request, pk)
    attachment = get_object_or_404(item.attachments, pk=attachment_pk)
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@require_POST
def request_link_document(request: HttpRequest, pk: int) -> HttpResponse:
    capacities_remember(request.user)
    item = visible_request(request, pk)
    form = LinkDocumentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose an issued document; nothing was changed."))
        return redirect("requests_detail", pk=pk)
    try:
        services.request_link_document(
            request=item,
            actor=request.user,
            expected_revision=form.cleaned_data["revision"],
            document=form.cleaned_data["document"],
        )
    except RequestActionRefused as refusal:
        return _refused_page(request, item, refusal)
    messages.success(request, _("The document is linked as answering this request."))
    return redirect("requests_detail", pk=pk)


def _perform(item: CoordinationRequest, user: Any, action: str, data: dict[str, Any]) -> None:
    common = {"request": item, "actor": user, "expected_revision": data["revision"]}
    text = data["comment"] or ""
    if action == "assign":
        if data["assignee"] is None:
            raise RequestActionRefused(_("Choose the member to assign it to."))
        services.request_assign(**common, assignee=data["assignee"], comment=text)
    elif action == "forward":
        if data["unit"] is None:
            raise RequestActionRefused(_("Choose the unit to forward it to."))
        services.request_forward(**common, unit=data["unit"], comment=text)
    else:
        getattr(services, f"request_{action}")(**common, comment=text)


def _refused_page(
    request: HttpRequest, item: CoordinationRequest, refusal: RequestActionRefused
) -> HttpResponse:
    item.refresh_from_db()
    context = _detail_context(item, request.user)
    context["refusal"] = refusal.message
    context["changes"] = getattr(refusal, "changes", [])
    return render(request, "requests/detail.html", context, status=409)


def _detail_context(item: CoordinationRequest, user: Any) -> dict[str, Any]:
    """Everything the request's page shows, in a bounded number of queries."""
    actions = selectors.request_actions_for(item, user)
    names = {action.name for action in actions}
    form = RequestActionForm(initial={"revision": item.revision}, request=item)
    return {
        "item": item,
        "actions": actions,
        "may_assign": "assign" in names,
        "may_forward": "forward" in names,
        "action_form": form,
        "documents": item.documents.order_by("-issued_on", "pk"),
        "answered_by": item.answered_by.order_by("-issued_on", "pk"),
        "attachments": item.attachments.all(),
        "may_link": selectors.request_may_link(item, user),
        "link_form": LinkDocumentForm(initial={"revision": item.revision}),
        "timeline": selectors.request_timeline(item),
        "today": timezone.localdate(),
    }
