"""``{% document_tasks_panel document %}``: on a document's page, its tasks and where the
addressees stand, with a link to the follow-up, for those who may see it."""

from typing import Any

from django import template

from workflows.permissions import allowed

from ..exceptions import DirectiveActionRefused
from ..matrix import document_matrix
from ..rules import check_manage_document, check_view_follow_up, takes_tasks

register = template.Library()


@register.inclusion_tag("directives/_document_tasks.html", takes_context=True)
def document_tasks_panel(context: Any, document: Any) -> dict[str, Any]:
    user = context["request"].user
    if not allowed(check_view_follow_up, document, user, refused=DirectiveActionRefused):
        return {"visible": False}
    manages = allowed(check_manage_document, document, user, refused=DirectiveActionRefused)
    takes = takes_tasks(document)
    matrix = document_matrix(document)
    return {
        "visible": bool(matrix.tasks) or (manages and takes),
        "document": document,
        "matrix": matrix,
        "may_add": manages and takes,
    }
