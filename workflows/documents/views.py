"""The staff screens (inside the Wagtail admin): list, draft, edit, act, follow the timeline."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import selectors, services
from .exceptions import DocumentActionRefused, DocumentChanged
from .forms import DocumentActionForm, DocumentCreateForm, DocumentForm
from .models import Document

ACTION_SERVICES = {
    "submit": services.document_submit,
    "approve": services.document_approve,
    "return_to_drafter": services.document_return,
    "sign": services.document_sign,
    "issue": services.document_issue,
}
DONE_MESSAGES = {
    "submit": gettext_lazy("The draft was sent to the unit head."),
    "approve": gettext_lazy("The draft was approved and sent for signature."),
    "return_to_drafter": gettext_lazy("The draft was returned to the drafter."),
    "sign": gettext_lazy("The document was signed and sent to the clerk."),
    "issue": gettext_lazy("The document was issued as %(number)s. Its PDF is being prepared."),
}
PAGE_SIZE = 50


def _visible_document(request: HttpRequest, pk: int) -> Document:
    return get_object_or_404(selectors.documents_visible_to(request.user), pk=pk)


def document_index(request: HttpRequest) -> HttpResponse:
    tab = request.GET.get("tab", "waiting")
    if tab == "all":
        documents = selectors.documents_visible_to(request.user)
    else:
        tab = "waiting"
        documents = selectors.documents_waiting_for(request.user)
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("p"))
    return render(
        request,
        "documents/index.html",
        {"page": page, "tab": tab, "may_draft": selectors.user_may_draft(request.user)},
    )


def document_create(request: HttpRequest) -> HttpResponse:
    form = DocumentCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS}
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
    document = _visible_document(request, pk)
    if not selectors.document_may_edit(document, request.user):
        messages.error(request, _("You cannot edit this document now."))
        return redirect("workflow_document", pk=pk)
    form = DocumentForm(
        request.POST or None, instance=document, initial={"revision": document.revision}
    )
    changes: list[str] = []
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in services.EDITABLE_FIELDS}
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
    document = _visible_document(request, pk)
    return render(request, "documents/detail.html", _detail_context(document, request.user))


@require_POST
def document_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    service = ACTION_SERVICES.get(action)
    if service is None:
        raise Http404
    document = _visible_document(request, pk)
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
        return _refused(request, document, refusal)
    messages.success(request, DONE_MESSAGES[action] % {"number": done.number_symbol})
    return redirect("workflow_document", pk=pk)


def _refused(request: HttpRequest, document: Document, refusal: DocumentActionRefused) -> Any:
    document.refresh_from_db()
    context = _detail_context(document, request.user)
    context["refusal"] = refusal.message
    context["changes"] = getattr(refusal, "changes", [])
    return render(request, "documents/detail.html", context, status=409)


def _detail_context(document: Document, user: Any) -> dict[str, Any]:
    return {
        "document": document,
        "actions": selectors.document_actions_for(document, user),
        "may_edit": selectors.document_may_edit(document, user),
        "timeline": selectors.document_timeline(document),
        "action_form": DocumentActionForm(initial={"revision": document.revision}),
    }
