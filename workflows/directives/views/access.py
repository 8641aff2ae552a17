"""Finding what a page shows, or a 404 for whoever may not see it (nothing tells an outsider
that a confidential document has tasks)."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from coordination.organisation.selectors import capacities_remember
from workflows.documents.models import Document

from .. import rules
from ..exceptions import DirectiveActionRefused
from ..models import DirectiveTask, TaskAssignment


def followed_document(request: HttpRequest, pk: int) -> Document:
    capacities_remember(request.user)
    document = get_object_or_404(
        Document.objects.select_related("agency", "unit", "counterpart_agency"), pk=pk
    )
    try:
        rules.check_view_follow_up(document, request.user)
    except DirectiveActionRefused as refusal:
        raise Http404 from refusal
    return document


def managed_task(request: HttpRequest, pk: int) -> DirectiveTask:
    capacities_remember(request.user)
    task = get_object_or_404(
        DirectiveTask.objects.select_related("document__unit", "document__agency"), pk=pk
    )
    try:
        rules.check_manage(task, request.user)
    except DirectiveActionRefused as refusal:
        raise Http404 from refusal
    return task


def visible_assignment(request: HttpRequest, pk: int) -> TaskAssignment:
    capacities_remember(request.user)
    related = ("task__document__unit", "task__document__agency", "agency__province", "unit")
    assignment = get_object_or_404(TaskAssignment.objects.select_related(*related), pk=pk)
    try:
        rules.check_view_assignment(assignment, request.user)
    except DirectiveActionRefused as refusal:
        raise Http404 from refusal
    return assignment
