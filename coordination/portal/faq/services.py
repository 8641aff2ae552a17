"""Every change to a frequent question goes through one of these functions: check the actor, then
in one transaction lock the row, compare the revision the actor saw, transition, save, write the
audit row and raise the portal's generation, so that no cached public page shows the old text."""

from collections.abc import Callable, Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.organisation.names import person_name
from coordination.organisation.selectors import capacities_fixed
from workflows.machines import Machine
from workflows.requests.models import CoordinationRequest, RequestState
from workflows.requests.selectors import request_changes_since

from ..folding import fold, fold_padded
from ..models import DocumentPage, FaqEntry
from ..publishing import portal_generation_bump
from . import rules
from .exceptions import FaqChanged, NamesThePerson, NoDocument, TextRequired, WrongState
from .selectors import faq_changes_since

ANSWERED_STATES = (RequestState.ANSWERED, RequestState.ACCEPTED)
Fill = Callable[[FaqEntry], None]
ENTRIES = Machine(
    model=FaqEntry,
    related=("unit", "request__requester"),
    changed=FaqChanged,
    changed_message=gettext_lazy(
        "This entry changed since you opened it. Nothing was saved; reload to see it."
    ),
    changes_since=faq_changes_since,
    wrong_state=WrongState,
    wrong_state_message=gettext_lazy("This entry is “%(state)s”; that is not possible now."),
)
# The request an entry is published from, locked while its entry is made.
ANSWERED_REQUESTS = Machine(
    model=CoordinationRequest,
    related=("unit", "requester"),
    changed=FaqChanged,
    changed_message=gettext_lazy(
        "This request changed since you opened the form. Nothing was published."
    ),
    changes_since=request_changes_since,
)


def faq_publish(
    *,
    request: CoordinationRequest,
    actor: Any,
    expected_revision: int,
    question: str,
    answer: str,
    pages: Iterable[DocumentPage],
) -> FaqEntry:
    """The answering unit's head publishes an answered request as a frequent question, in the
    public words they wrote, next to the documents it concerns."""
    pages = _checked_pages(pages)
    question, answer = _checked_texts(question, answer, request)
    with capacities_fixed(actor):
        rules.check_publish_request(request, actor)
        with transaction.atomic():
            locked = _lock_request(request, expected_revision)
            rules.check_publish_request(locked, actor)
            entry = FaqEntry(request=locked, unit=locked.unit)
            source = entry.state
            entry.publish()
            _fill(entry, question, answer, pages)
            entry.save()
            entry.pages.set(pages)
            ENTRIES.record(entry, actor=actor, action="publish", source=source)
            portal_generation_bump()
    return entry


def faq_edit(
    *,
    entry: FaqEntry,
    actor: Any,
    expected_revision: int,
    question: str,
    answer: str,
    pages: Iterable[DocumentPage],
) -> FaqEntry:
    """Change the public text or the documents; a published entry shows the change at once."""
    pages = _checked_pages(pages)
    question, answer = _checked_texts(question, answer, entry.request)

    def fill(locked: FaqEntry) -> None:
        _fill(locked, question, answer, pages)
        locked.pages.set(pages)

    return _change(entry, actor, expected_revision, "edit", fill)


def faq_unpublish(
    *, entry: FaqEntry, actor: Any, expected_revision: int, comment: str = ""
) -> FaqEntry:
    return _change(entry, actor, expected_revision, "unpublish", None, comment=comment)


def faq_republish(*, entry: FaqEntry, actor: Any, expected_revision: int) -> FaqEntry:
    def fill(locked: FaqEntry) -> None:
        locked.published_at = timezone.now()

    return _change(entry, actor, expected_revision, "publish", fill)


def _change(
    entry: FaqEntry,
    actor: Any,
    expected_revision: int,
    action: str,
    fill: Fill | None,
    *,
    comment: str = "",
) -> FaqEntry:
    """``action`` is a transition (publish, unpublish) or ``edit``, which keeps the state."""
    with capacities_fixed(actor):
        step = None if action == "edit" else action
        check = rules.check_manage
        ENTRIES.check_step(
            entry, step, actor=actor, expected_revision=expected_revision, check=check
        )
        with transaction.atomic():
            locked = ENTRIES.lock_for_step(
                entry, step, actor=actor, expected_revision=expected_revision, check=check
            )
            source = locked.state
            if step is not None:
                getattr(locked, step)()
            if fill is not None:
                fill(locked)
            locked.revision += 1
            locked.save()
            ENTRIES.record(locked, actor=actor, action=action, source=source, comment=comment)
            portal_generation_bump()
    return locked


def _checked_pages(pages: Iterable[DocumentPage]) -> list[DocumentPage]:
    chosen = list(pages)
    if not chosen or any(not page.live for page in chosen):
        raise NoDocument(_("Choose at least one published document the question concerns."))
    return chosen


def _checked_texts(question: str, answer: str, request: CoordinationRequest) -> tuple[str, str]:
    """Both written, and neither naming the person who asked."""
    question, answer = question.strip(), answer.strip()
    if not question or not answer:
        raise TextRequired(_("Write the question and the answer as the public will read them."))
    name = person_name(request.requester)
    folded = fold_padded(f"{question}\n{answer}")
    if f" {fold(name)} " in folded or f" {fold(request.requester.username)} " in folded:
        raise NamesThePerson(
            _("The public text names the person who asked (%(name)s); leave them out.")
            % {"name": name}
        )
    return question, answer


def _fill(entry: FaqEntry, question: str, answer: str, pages: list[DocumentPage]) -> None:
    entry.question, entry.answer = question, answer
    numbers = " ".join(page.number_symbol for page in pages)
    entry.folded = fold_padded(f"{question}\n{answer}\n{numbers}")
    if entry.published_at is None:
        entry.published_at = timezone.now()


def _lock_request(request: CoordinationRequest, expected_revision: int) -> CoordinationRequest:
    locked = ANSWERED_REQUESTS.lock(request, expected_revision)
    if locked.state not in ANSWERED_STATES:
        raise WrongState(_("Only an answered request can be published."))
    if FaqEntry.objects.filter(request=locked).exists():
        raise WrongState(_("This request is already a frequent question; edit that entry."))
    return locked
