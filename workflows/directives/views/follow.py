"""A document's follow-up: the matrix of addressees × tasks, reminders, and the periodic review
(an HTML preview, and the PDF printed by the worker)."""

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from workflows.documents.models import Document
from workflows.permissions import allowed

from .. import rules, services
from ..exceptions import DirectiveActionRefused
from ..forms import MatrixFilterForm, ReviewForm
from ..matrix import document_matrix
from ..models import DirectiveReview, ReviewStatus, TaskAssignment
from .access import followed_document


def document_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    document = followed_document(request, pk)
    return render(request, "directives/document.html", _context(request, document))


def _context(request: HttpRequest, document: Document, **extra: Any) -> dict[str, Any]:
    whole = document_matrix(document)
    filters = MatrixFilterForm(request.GET or None, provinces=whole.provinces)
    chosen = filters.cleaned_data if filters.is_valid() else {}
    matrix = whole.only(**chosen)
    may_manage = allowed(
        rules.check_manage_document, document, request.user, refused=DirectiveActionRefused
    )
    return {
        "document": document,
        "matrix": matrix,
        "filters": filters,
        "filtered": any(chosen.values()),
        "may_manage": may_manage,
        "may_add": may_manage and rules.takes_tasks(document),
        "review_form": ReviewForm(),
        "reviews": DirectiveReview.objects.filter(document=document)[:3],
        "today": timezone.localdate(),
        **extra,
    }


@require_POST
def document_remind(request: HttpRequest, pk: int) -> HttpResponse:
    """Remind every late addressee, or the cells ticked in the matrix."""
    document = followed_document(request, pk)
    try:
        if request.POST.get("which") == "late":
            count = services.document_remind_late(document=document, actor=request.user)
        else:
            count = _remind_chosen(request, document)
    except DirectiveActionRefused as refusal:
        return render(
            request,
            "directives/document.html",
            _context(request, document, refusal=refusal.message),
            status=409,
        )
    text = ngettext("%(n)d addressee was reminded.", "%(n)d addressees were reminded.", count)
    messages.success(request, text % {"n": count})
    return redirect("directives_document", pk=pk)


def _remind_chosen(request: HttpRequest, document: Document) -> int:
    ids = [value for value in request.POST.getlist("assignment") if value.isdigit()]
    chosen = TaskAssignment.objects.filter(pk__in=ids, task__document=document).select_related(
        "task__document__unit", "agency", "unit"
    )
    if not chosen:
        raise DirectiveActionRefused(_("Tick the addressees to remind."))
    with transaction.atomic():
        for assignment in chosen:
            try:
                services.assignment_remind(assignment=assignment, actor=request.user)
            except DirectiveActionRefused as refusal:
                message = f"{assignment.addressee_name}: {refusal.message}"
                raise DirectiveActionRefused(message) from refusal
    return len(chosen)


@require_POST
def document_review(request: HttpRequest, pk: int) -> HttpResponse:
    document = followed_document(request, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the review's period; nothing was printed."))
        return redirect("directives_document", pk=pk)
    try:
        services.review_request(
            document=document,
            actor=request.user,
            starts_on=form.cleaned_data["starts_on"],
            ends_on=form.cleaned_data["ends_on"],
        )
    except DirectiveActionRefused as refusal:
        messages.error(request, refusal.message)
        return redirect("directives_document", pk=pk)
    messages.success(request, _("The review is being printed; its PDF appears here shortly."))
    return redirect(reverse("directives_document", args=[pk]) + "#review")


def review_pdf(request: HttpRequest, pk: int) -> FileResponse:
    review = get_object_or_404(DirectiveReview, pk=pk, status=ReviewStatus.READY)
    followed_document(request, review.document_id)
    if not review.pdf:
        raise Http404
    name = review.pdf.name.rsplit("/", 1)[-1]
    return FileResponse(review.pdf.open("rb"), content_type="application/pdf", filename=name)
