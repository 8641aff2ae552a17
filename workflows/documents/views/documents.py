"""The staff screens (inside the Wagtail admin): the inbox, drafting, the document's page and
its actions."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from coordination.organisation.selectors import capacities_remember
from workflows.refusals import refusal_page

from .. import selectors, services
from ..exceptions import DocumentActionRefused, DocumentChanged
from ..forms import (
    CommentForm,
    DeadlineForm,
    DocumentActionForm,
    DocumentCreateForm,
    DocumentForm,
    InboxFilterForm,
    RelationForm,
)
from ..models import Document
from ..models.document import EDITABLE_FIELDS
from ..routing import steps_of

ACTION_SERVICES = {
    "submit": services.document_submit,
    "approve": services.document_approve,
    "appraise": services.document_appraise,
    "agree": services.document_agree,
    "return_to_drafter": services.document_return,
    "withdraw": services.document_withdraw,
    "sign": services.document_sign,
    "issue": services.document_issue,
}
DONE_MESSAGES = {
    "submit": gettext_lazy("The draft was sent for review."),
    "approve": gettext_lazy("The draft was approved and sent to the next step."),
    "appraise": gettext_lazy("The legal appraisal was recorded."),
    "agree": gettext_lazy("The counterpart review was recorded."),
    "return_to_drafter": gettext_lazy("The draft was returned to the drafter."),
    "withdraw": gettext_lazy("The draft was withdrawn."),
    "sign": gettext_lazy("Your signature was recorded."),
    "issue": gettext_lazy("The document was issued as %(number)s. Its PDF is being prepared."),
}
TABS = (
    ("waiting", gettext_lazy("Waiting for me"), selectors.documents_waiting_for),
    ("queue", gettext_lazy("My unit's queue"), selectors.documents_in_unit_queue),
    ("others", gettext_lazy("Waiting for others"), selectors.documents_waiting_for_others),
    ("overdue", gettext_lazy("Overdue"), selectors.documents_overdue),
    ("done", gettext_lazy("Recently done"), selectors.documents_recently_done),
    ("all", gettext_lazy("All I can see"), selectors.documents_visible_to),
)
PAGE_SIZE = 50


def visible_document(request: HttpRequest, pk: int) -> Document:
    return get_object_or_404(selectors.documents_visible_to(request.user), pk=pk)


def document_index(request: HttpRequest) -> HttpResponse:
    """The inbox: one tab per question a member of staff asks, with counts and filters."""
    capacities_remember(request.user)
    lists = {name: select for name, _label, select in TABS}
    tab = request.GET.get("tab", "waiting")
    if tab not in lists:
        tab = "waiting"
    filters = InboxFilterForm(request.GET or None)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    documents = selectors.documents_filtered(lists[tab](request.user), chosen)
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("p"))
    counts = selectors.inbox_counts(request.user)
    tabs = [(name, label, counts.get(name)) for name, label, _select in TABS]
    query = request.GET.copy()
    query.pop("p", None)
    query.pop("tab", None)
    context = {
        "page": page,
        "tab": tab,
        "tabs": tabs,
        "filters": filters,
        "query": query.urlencode(),
        "today": timezone.localdate(),
        "may_draft": selectors.user_may_draft(request.user),
    }
    return render(request, "documents/index.html", context)


def document_create(request: HttpRequest) -> HttpResponse:
    form = DocumentCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in EDITABLE_FIELDS}
        try:
            document = services.document_create(
                actor=request.user, unit=form.cleaned_data["unit"], **fields
            )
        except DocumentActionRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("workflow_document", pk=document.pk)
    return render(request, "documents/form.html", {"form": form, "document": None})


def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = visible_document(request, pk)
    if not selectors.document_may_edit(document, request.user):
        messages.error(request, _("You cannot edit this document now."))
        return redirect("workflow_document", pk=pk)
    form = DocumentForm(
        request.POST or None, instance=document, initial={"revision": document.revision}
    )
    changes: list[str] = []
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in EDITABLE_FIELDS}
        try:
            services.document_update(
                document=document,
                actor=request.user,
                expected_revision=form.cleaned_data["revision"] or 0,
                **fields,
            )
        except DocumentChanged as stale:
            form.add_error(None, stale.message)
            changes = stale.changes
        except DocumentActionRefused as refusal:
            form.add_error(None, refusal.message)
        else:
            messages.success(request, _("The draft was saved."))
            return redirect("workflow_document", pk=pk)
    context = {"form": form, "document": document, "changes": changes}
    return render(request, "documents/form.html", context)


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = visible_document(request, pk)
    return render(request, "documents/detail.html", detail_context(document, request.user))


@require_POST
def document_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    service = ACTION_SERVICES.get(action)
    if service is None:
        raise Http404
    document = visible_document(request, pk)
    form = DocumentActionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete; nothing was changed."))
        return redirect("workflow_document", pk=pk)
    try:
        done = service(
            document=document,
            actor=request.user,
            expected_revision=form.cleaned_data["revision"],
            comment=form.cleaned_data["comment"],
        )
    except DocumentActionRefused as refusal:
        return refused_page(request, document, refusal)
    messages.success(request, DONE_MESSAGES[action] % {"number": done.number_symbol})
    return redirect("workflow_document", pk=pk)


def refused_page(request: HttpRequest, document: Document, refusal: DocumentActionRefused) -> Any:
    document.refresh_from_db()
    context = detail_context(document, request.user)
    return refusal_page(request, "documents/detail.html", context, refusal)


def detail_context(document: Document, user: Any) -> dict[str, Any]:
    """Everything the document's page shows, in a bounded number of queries."""
    capacities_remember(user)
    actions = selectors.document_actions_for(document, user)
    comments = list(selectors.document_comments_for(document, user))
    versions = list(selectors.document_versions(document))
    return {
        "document": document,
        "actions": actions,
        "may_edit": selectors.document_may_edit(document, user),
        "may_take": bool(actions) and document.assignee_id != user.pk,
        "may_set_deadline": selectors.document_may_set_deadline(document, user),
        "steps": _progress(document),
        "today": timezone.localdate(),
        "timeline": selectors.document_timeline(document),
        "versions": versions,
        "threads": _threads(comments),
        "signatures": document.signatures.select_related("agency", "version"),
        "relations": document.relations.select_related("target"),
        "inverse_relations": document.inverse_relations.select_related("source").filter(
            applied_at__isnull=False
        ),
        "comment_form": CommentForm(document=document, user=user),
        "deadline_form": DeadlineForm(initial={"due_on": document.step_due_on}),
        "relation_form": RelationForm(user=user),
        "action_form": DocumentActionForm(initial={"revision": document.revision}),
        "public_url": _public_url(document),
    }


def _public_url(document: Document) -> str | None:
    """Where the public reads the issued document (its portal page), once published."""
    if not document.is_issued:
        return None
    return selectors.document_public_urls([document.pk]).get(document.pk)


def _threads(comments: list[Any]) -> list[Any]:
    """Top-level comments, each carrying its replies in order (one query for all)."""
    threads = [c for c in comments if c.parent_id is None]
    for thread in threads:
        thread.thread_replies = [c for c in comments if c.parent_id == thread.pk]
    return threads


def _progress(document: Document) -> list[tuple[str, str]]:
    """Each step of this document's path as (label, 'done' | 'current' | 'next')."""
    steps = steps_of(document)
    if document.state not in steps:
        return []
    current = steps.index(document.state)
    labels = dict(document._meta.get_field("state").choices)
    return [
        (str(labels[step]), "done" if i < current else "current" if i == current else "next")
        for i, step in enumerate(steps)
    ]
