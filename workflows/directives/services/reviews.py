"""Asking for the periodic review of a document's tasks (the yearly or mid-term review). The
printing side renders it after the commit, through the ``directive_review_requested`` hook."""

from datetime import date
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from wagtail import hooks

from coordination.organisation.selectors import capacities_fixed
from workflows.documents.models import Document

from .. import rules
from ..exceptions import InvalidTask, WrongState
from ..models import DirectiveReview

HOOK_REVIEW_REQUESTED = "directive_review_requested"


def review_request(
    *, document: Document, actor: Any, starts_on: date, ends_on: date
) -> DirectiveReview:
    """Whoever follows the document's tasks asks for its review over a period, printed by the
    worker."""
    with capacities_fixed(actor):
        rules.check_view_follow_up(document, actor)
    if not document.directive_tasks.exists():
        raise WrongState(_("This document gives no tasks; there is nothing to review."))
    if ends_on < starts_on:
        raise InvalidTask(_("The review's period ends before it starts."))
    with transaction.atomic():
        review = DirectiveReview.objects.create(
            document=document, starts_on=starts_on, ends_on=ends_on, requested_by=actor
        )
    transaction.on_commit(lambda: _announce(review.pk))
    return review


def _announce(review_pk: int) -> None:
    for fn in hooks.get_hooks(HOOK_REVIEW_REQUESTED):
        fn(review_pk)
