"""The document page's secondary actions: take a step, move a deadline, compare versions,
comment, relate to an issued document, export the history."""

import csv

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from coordination.organisation.names import person_name
from workflows.spreadsheets import spreadsheet_safe

from .. import comments, selectors, services
from ..diff import versions_compare
from ..exceptions import DocumentActionRefused
from ..forms import CommentForm, DeadlineForm, DocumentActionForm, RelationForm
from ..models import VERSIONED_FIELDS, DocumentVersion
from .documents import refused_page, visible_document


@require_POST
def document_take(request: HttpRequest, pk: int) -> HttpResponse:
    document = visible_document(request, pk)
    form = DocumentActionForm(request.POST)
    if not form.is_valid():
        raise Http404
    try:
        services.document_take(
            document=document, actor=request.user, expected_revision=form.cleaned_data["revision"]
        )
    except DocumentActionRefused as refusal:
        return refused_page(request, document, refusal)
    messages.success(request, _("You took this step; colleagues see it is yours."))
    return redirect("workflow_document", pk=pk)


@require_POST
def document_deadline(request: HttpRequest, pk: int) -> HttpResponse:
    document = visible_document(request, pk)
    form = DeadlineForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a valid date; nothing was changed."))
        return redirect("workflow_document", pk=pk)
    try:
        services.document_set_deadline(
            document=document,
            actor=request.user,
            expected_revision=form.cleaned_data["revision"],
            due_on=form.cleaned_data["due_on"],
            comment=form.cleaned_data["comment"],
        )
    except DocumentActionRefused as refusal:
        return refused_page(request, document, refusal)
    messages.success(request, _("The deadline was changed."))
    return redirect("workflow_document", pk=pk)


@require_POST
def document_comment(request: HttpRequest, pk: int) -> HttpResponse:
    document = visible_document(request, pk)
    form = CommentForm(request.POST, document=document, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Write the comment first."))
        return redirect("workflow_document", pk=pk)
    parent = None
    if form.cleaned_data["parent"]:
        visible = selectors.document_comments_for(document, request.user)
        parent = get_object_or_404(visible, pk=form.cleaned_data["parent"])
    try:
        comments.comment_add(
            document=document,
            actor=request.user,
            body=form.cleaned_data["body"],
            parent=parent,
            visibility=form.cleaned_data.get("visibility") or "internal",
        )
    except DocumentActionRefused as refusal:
        return refused_page(request, document, refusal)
    return redirect(reverse("workflow_document", args=[pk]) + "#comments")


@require_POST
def document_comment_resolve(request: HttpRequest, pk: int, comment_pk: int) -> HttpResponse:
    document = visible_document(request, pk)
    comment = get_object_or_404(
        selectors.document_comments_for(document, request.user), pk=comment_pk
    )
    try:
        comments.comment_resolve(
            comment=comment, actor=request.user, resolved=request.POST.get("resolved") == "1"
        )
    except DocumentActionRefused as refusal:
        return refused_page(request, document, refusal)
    return redirect("workflow_document", pk=pk)


@require_POST
def document_relate(request: HttpRequest, pk: int) -> HttpResponse:
    document = visible_document(request, pk)
    form = RelationForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose an issued document and the relation."))
        return redirect("workflow_document", pk=pk)
    try:
        services.document_relate(
            document=document,
            actor=request.user,
            target=form.cleaned_data["target"],
            kind=form.cleaned_data["kind"],
        )
    except DocumentActionRefused as refusal:
        return refused_page(request, document, refusal)
    messages.success(request, _("The relation was saved; it takes effect when this is issued."))
    return redirect("workflow_document", pk=pk)


def document_compare(request: HttpRequest, pk: int) -> HttpResponse:
    """Two versions side by side, the older on the left, changed words marked."""
    document = visible_document(request, pk)
    versions = list(selectors.document_versions(document))
    if len(versions) < 2:
        messages.info(request, _("There is only one version so far."))
        return redirect("workflow_document", pk=pk)
    numbers = {v.number: v for v in versions}
    old = numbers.get(_int(request.GET.get("a")), versions[-2])
    new = numbers.get(_int(request.GET.get("b")), versions[-1])
    if old.number > new.number:
        old, new = new, old
    context = {
        "document": document,
        "versions": versions,
        "old": old,
        "new": new,
        "fields": _compared_fields(old, new),
    }
    return render(request, "documents/compare.html", context)


def _compared_fields(old: DocumentVersion, new: DocumentVersion) -> list[tuple[str, list]]:
    labels = {f.name: f.verbose_name for f in DocumentVersion._meta.fields}
    values = {
        "kind": lambda v: v.get_kind_display(),
    }
    compared = []
    for name in VERSIONED_FIELDS:
        show = values.get(name, lambda v, n=name: getattr(v, n))
        compared.append((str(labels[name]), versions_compare(str(show(old)), str(show(new)))))
    return compared


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


def document_history_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """The timeline and the versions as a spreadsheet-friendly CSV (UTF-8 with BOM for Excel)."""
    document = visible_document(request, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{document.file_stem}-lich-su.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([_("When"), _("Who"), _("Action"), _("From"), _("To"), _("Comment")])
    for event in selectors.document_timeline(document):
        writer.writerow(
            [
                timezone.localtime(event.at).strftime("%d/%m/%Y %H:%M"),
                person_name(event.actor),
                event.action_label,
                event.source_label,
                event.target_label,
                spreadsheet_safe(event.comment),
            ]
        )
    for version in selectors.document_versions(document):
        writer.writerow(
            [
                timezone.localtime(version.frozen_at).strftime("%d/%m/%Y %H:%M"),
                person_name(version.frozen_by),
                _("version %(n)d frozen") % {"n": version.number},
                "",
                "",
                spreadsheet_safe(version.subject),
            ]
        )
    return response
