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
from workflows.documents.selectors import document_public_urls, documents_visible_to
from workflows.refusals import refusal_page, refusal_shown

from . import selectors, services
from .exceptions import RequestActionRefused
from .forms import (
    DraftAnswerForm,
    LinkDocumentForm,
    RequestActionForm,
    RequestCreateForm,
    draft_answer_initial,
)
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
    draftable = {
        item.pk
        for item in page.object_list
        if selectors.request_may_draft_answer(item, request.user)
    }
    context = {
        "page": page,
        "draftable": draftable,
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


def request_draft_answer(request: HttpRequest) -> HttpResponse:
    """One document answering the chosen requests: the form, then the draft it starts."""
    capacities_remember(request.user)
    data = request.POST if request.method == "POST" else request.GET
    chosen = selectors.requests_to_draft_for(request.user, _keys(data.getlist("r")))
    if not chosen:
        messages.error(request, _("Choose the requests the document will answer."))
        return redirect("requests_index")
    form = DraftAnswerForm(request.POST or None, initial=draft_answer_initial(chosen))
    seen = _revisions(request.POST, chosen) if request.method == "POST" else {}
    context: dict[str, Any] = {"form": form, "chosen": chosen, "seen": seen}
    if request.method == "POST" and form.is_valid():
        try:
            document = services.request_draft_answer(
                requests=chosen, expected_revisions=seen, actor=request.user, **form.cleaned_data
            )
        except RequestActionRefused as refusal:
            context.update(refusal_shown(refusal), seen={})
            return render(request, "requests/draft_answer.html", _with_seen(context), status=409)
        messages.success(request, _("The draft was started; issuing it will answer the requests."))
        return redirect("workflow_document", pk=document.pk)
    return render(request, "requests/draft_answer.html", _with_seen(context))


def _with_seen(context: dict[str, Any]) -> dict[str, Any]:
    """Each request with the revision the form carries: the one the drafter saw when the form
    was first shown, or the current one once they have seen what changed."""
    seen = context.pop("seen")
    context["chosen"] = [(item, seen.get(item.pk, item.revision)) for item in context["chosen"]]
    return context


def _keys(values: list[str]) -> list[int]:
    return [int(value) for value in values if value.isdigit()]


def _revisions(data: Any, chosen: list[CoordinationRequest]) -> dict[int, int]:
    """The revision of each request the drafter saw when the form was shown (0 if missing)."""
    seen = {item.pk: data.get(f"rev-{item.pk}", "") for item in chosen}
    return {pk: int(value) if value.isdigit() else 0 for pk, value in seen.items()}


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
    return refusal_page(request, "requests/detail.html", context, refusal)


def _detail_context(item: CoordinationRequest, user: Any) -> dict[str, Any]:
    """Everything the request's page shows, in a bounded number of queries."""
    actions = selectors.request_actions_for(item, user)
    names = {action.name for action in actions}
    form = RequestActionForm(initial={"revision": item.revision}, request=item)
    answered_by = list(item.answered_by.order_by("-issued_on", "pk"))
    public_urls = document_public_urls(document.pk for document in answered_by)
    drafts = list(item.drafted_answers.exclude(pk__in=[d.pk for d in answered_by]))
    return {
        "item": item,
        "actions": actions,
        "may_assign": "assign" in names,
        "may_forward": "forward" in names,
        "action_form": form,
        "documents": item.documents.order_by("-issued_on", "pk"),
        "answered_by": [(document, public_urls.get(document.pk)) for document in answered_by],
        "drafts": drafts,
        "drafts_visible": _visible_keys(user, drafts),
        "may_draft_answer": selectors.request_may_draft_answer(item, user),
        "page_links": selectors.request_page_links(item, user),
        "attachments": item.attachments.all(),
        "may_link": selectors.request_may_link(item, user),
        "link_form": LinkDocumentForm(initial={"revision": item.revision}),
        "timeline": selectors.request_timeline(item),
        "today": timezone.localdate(),
    }


def _visible_keys(user: Any, documents: list[Any]) -> set[int]:
    """Which of these drafts the person may open (their own agency's)."""
    if not documents:
        return set()
    keys = [document.pk for document in documents]
    return set(documents_visible_to(user).filter(pk__in=keys).values_list("pk", flat=True))
