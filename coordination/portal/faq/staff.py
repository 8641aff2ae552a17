"""The staff screens (inside the Wagtail admin): the entries a unit head manages, publishing an
answered request as a frequent question, editing and unpublishing it. Only the head of the unit
that answered sees or changes an entry."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from coordination.organisation.selectors import capacities_remember
from workflows.refusals import refusal_page
from workflows.requests.selectors import requests_visible_to

from ..models import FaqEntry
from . import selectors, services
from .exceptions import FaqRefused
from .forms import FaqForm, FaqStateForm

STATE_ACTIONS = {
    "unpublish": (services.faq_unpublish, gettext_lazy("The entry was taken off the portal.")),
    "publish": (services.faq_republish, gettext_lazy("The entry is on the portal again.")),
}


def faq_index(request: HttpRequest) -> HttpResponse:
    capacities_remember(request.user)
    context = {
        "entries": selectors.faq_entries_managed_by(request.user)[:100],
        "candidates": selectors.faq_candidates_for(request.user)[:50],
    }
    return render(request, "portal/faq/staff_index.html", context)


def faq_new(request: HttpRequest, request_pk: int) -> HttpResponse:
    """Publish an answered request: the public text is written here, never copied silently."""
    capacities_remember(request.user)
    item = get_object_or_404(requests_visible_to(request.user), pk=request_pk)
    if not selectors.faq_may_publish(item, request.user) or hasattr(item, "faq_entry"):
        raise Http404
    suggested = selectors.faq_suggested_pages(item)
    initial = {"revision": item.revision, "answer": item.answer_text, "pages": suggested}
    form = FaqForm(request.POST or None, initial=initial, suggested=suggested)
    context: dict[str, Any] = {"form": form, "item": item}
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.faq_publish(
                request=item,
                actor=request.user,
                expected_revision=form.cleaned_data["revision"],
                question=form.cleaned_data["question"],
                answer=form.cleaned_data["answer"],
                pages=form.chosen_pages(),
            )
        except FaqRefused as refusal:
            return refusal_page(request, "portal/faq/staff_new.html", context, refusal)
        messages.success(request, _("The question and its answer are published on the portal."))
        return redirect("portal_faq_staff_entry", pk=entry.pk)
    return render(request, "portal/faq/staff_new.html", context)


def _managed_entry(request: HttpRequest, pk: int) -> FaqEntry:
    capacities_remember(request.user)
    return get_object_or_404(selectors.faq_entries_managed_by(request.user), pk=pk)


def faq_entry(request: HttpRequest, pk: int) -> HttpResponse:
    """An entry: its state, its public text to edit, publishing and unpublishing, its history."""
    entry = _managed_entry(request, pk)
    suggested = selectors.faq_suggested_pages(entry.request, entry=entry)
    initial = {
        "revision": entry.revision,
        "question": entry.question,
        "answer": entry.answer,
        "pages": entry.pages.all(),
    }
    form = FaqForm(request.POST or None, initial=initial, suggested=suggested)
    context: dict[str, Any] = {"entry": entry, "form": form}
    if request.method == "POST" and form.is_valid():
        try:
            services.faq_edit(
                entry=entry,
                actor=request.user,
                expected_revision=form.cleaned_data["revision"],
                question=form.cleaned_data["question"],
                answer=form.cleaned_data["answer"],
                pages=form.chosen_pages(),
            )
        except FaqRefused as refusal:
            return _refused(request, entry, refusal)
        messages.success(request, _("The public text was saved."))
        return redirect("portal_faq_staff_entry", pk=pk)
    return render(request, "portal/faq/staff_entry.html", _entry_context(context))


@require_POST
def faq_entry_state(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action not in STATE_ACTIONS:
        raise Http404
    entry = _managed_entry(request, pk)
    form = FaqStateForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The form was incomplete; nothing was changed."))
        return redirect("portal_faq_staff_entry", pk=pk)
    service, done = STATE_ACTIONS[action]
    extra = {"comment": form.cleaned_data["comment"]} if action == "unpublish" else {}
    try:
        service(
            entry=entry,
            actor=request.user,
            expected_revision=form.cleaned_data["revision"],
            **extra,
        )
    except FaqRefused as refusal:
        return _refused(request, entry, refusal)
    messages.success(request, str(done))
    return redirect("portal_faq_staff_entry", pk=pk)


def _refused(request: HttpRequest, entry: FaqEntry, refusal: FaqRefused) -> HttpResponse:
    entry.refresh_from_db()
    suggested = selectors.faq_suggested_pages(entry.request, entry=entry)
    initial = {"revision": entry.revision, "question": entry.question, "answer": entry.answer}
    form = FaqForm(initial={**initial, "pages": entry.pages.all()}, suggested=suggested)
    context = _entry_context({"entry": entry, "form": form})
    return refusal_page(request, "portal/faq/staff_entry.html", context, refusal)


def _entry_context(context: dict[str, Any]) -> dict[str, Any]:
    entry = context["entry"]
    context["state_form"] = FaqStateForm(initial={"revision": entry.revision})
    context["timeline"] = selectors.faq_timeline(entry)
    context["public_pages"] = list(entry.pages.live())
    return context
