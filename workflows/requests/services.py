"""Every change to a coordination request goes through one of these functions.

Each one checks the actor, then in one transaction locks the row, compares the revision the actor
saw, runs the django-fsm transition, saves and writes the audit row; notifications are sent after
the commit.
"""

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from functools import partial
from typing import Any

from django_fsm import can_proceed

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.organisation.models import Unit
from coordination.organisation.names import person_name
from coordination.organisation.selectors import capacities_fixed
from workflows.attachments import AttachmentLimits, CheckedFile, attachments_check
from workflows.documents.models import Document
from workflows.documents.services import document_create
from workflows.machines import Machine

from . import rules
from .deadlines import request_due_on
from .exceptions import AttachmentRefused, ReasonRequired, RequestChanged, WrongState, WrongUnit
from .models import (
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    OPEN_STATES,
    CoordinationRequest,
    RequestAttachment,
    RequestUrgency,
)
from .notices import request_notify_step
from .selectors import request_changes_since, unit_members

Fill = Callable[[CoordinationRequest], None]
LIMITS = AttachmentLimits(files=MAX_ATTACHMENTS, bytes_each=MAX_ATTACHMENT_BYTES)
REQUESTS = Machine(
    model=CoordinationRequest,
    related=("unit__agency", "requester_unit__agency", "requester", "assignee"),
    changed=RequestChanged,
    changed_message=gettext_lazy(
        "This request changed since you opened it. Nothing was saved; reload to see it."
    ),
    changes_since=request_changes_since,
    wrong_state=WrongState,
    wrong_state_message=gettext_lazy(
        "This request is “%(state)s”; that action is not possible now."
    ),
)


def request_create(
    *,
    actor: Any,
    requester_unit: Unit,
    unit: Unit,
    subject: str,
    description: str,
    urgency: str = RequestUrgency.NORMAL,
    due_on: date | None = None,
    documents: Iterable[Document] = (),
    attachments: Iterable[UploadedFile] = (),
) -> CoordinationRequest:
    """Someone of ``requester_unit`` asks ``unit``; the deadline follows the urgency unless
    given."""
    if not subject.strip() or not description.strip():
        raise ReasonRequired(_("Write the subject and the description of the request."))
    request = CoordinationRequest(
        requester=actor,
        requester_unit=requester_unit,
        unit=unit,
        subject=subject.strip(),
        description=description,
        urgency=urgency,
        due_on=due_on or request_due_on(urgency=urgency, start=timezone.localdate()),
    )
    with capacities_fixed(actor):
        rules.check_raise(request, actor)
    documents = list(documents)
    for document in documents:
        _check_public(document)
    files = attachments_check(list(attachments), limits=LIMITS, refused=AttachmentRefused)
    with transaction.atomic():
        request.save()
        request.documents.set(documents)
        for checked in files:
            _attach(request, checked, actor)
        REQUESTS.record(request, actor=actor, action="create", source=request.state, unit=unit)
    transaction.on_commit(
        lambda: request_notify_step(request=request, actor=actor, action="create")
    )
    return request


def request_assign(
    *,
    request: CoordinationRequest,
    actor: Any,
    expected_revision: int,
    assignee: Any,
    comment: str = "",
) -> CoordinationRequest:
    """The receiving unit's head gives the request to a member of the unit."""

    def fill(locked: CoordinationRequest) -> None:
        if not unit_members(locked.unit).filter(pk=assignee.pk).exists():
            raise WrongUnit(
                _("%(person)s is not a member of %(unit)s.")
                % {"person": person_name(assignee), "unit": locked.unit.name}
            )
        locked.assignee = assignee

    return _transition(
        request, actor, expected_revision, "assign", rules.check_assign, comment, fill
    )


def request_forward(
    *, request: CoordinationRequest, actor: Any, expected_revision: int, unit: Unit, comment: str
) -> CoordinationRequest:
    """The receiving unit's head sends the request to another unit, saying why."""
    _require_text(comment, _("Say why the request goes to another unit."))

    def fill(locked: CoordinationRequest) -> None:
        rules.check_receiving_unit(locked, unit)
        locked.unit = unit
        locked.assignee = None

    return _transition(
        request, actor, expected_revision, "forward", rules.check_forward, comment, fill
    )


def request_answer(
    *, request: CoordinationRequest, actor: Any, expected_revision: int, comment: str
) -> CoordinationRequest:
    """The assignee answers; ``comment`` is the answer."""
    _require_text(comment, _("Write the answer."))

    def fill(locked: CoordinationRequest) -> None:
        locked.answer_text = comment

    return _transition(
        request, actor, expected_revision, "answer", rules.check_assignee, comment, fill
    )


def request_ask(
    *, request: CoordinationRequest, actor: Any, expected_revision: int, comment: str
) -> CoordinationRequest:
    """The assignee asks the requester for more; ``comment`` is the question."""
    _require_text(comment, _("Say what information you need."))
    return _transition(request, actor, expected_revision, "ask", rules.check_assignee, comment)


def request_reply(
    *, request: CoordinationRequest, actor: Any, expected_revision: int, comment: str
) -> CoordinationRequest:
    """The requester gives the information asked for."""
    _require_text(comment, _("Write the information asked for."))
    return _transition(request, actor, expected_revision, "reply", rules.check_requester, comment)


def request_accept(
    *, request: CoordinationRequest, actor: Any, expected_revision: int, comment: str = ""
) -> CoordinationRequest:
    def fill(locked: CoordinationRequest) -> None:
        locked.closed_at = timezone.now()

    return _transition(
        request, actor, expected_revision, "accept", rules.check_requester, comment, fill
    )


def request_reopen(
    *, request: CoordinationRequest, actor: Any, expected_revision: int, comment: str
) -> CoordinationRequest:
    _require_text(comment, _("Say why the answer is not enough."))
    return _transition(request, actor, expected_revision, "reopen", rules.check_requester, comment)


def request_link_document(
    *, request: CoordinationRequest, actor: Any, expected_revision: int, document: Document
) -> CoordinationRequest:
    """Record that an issued document answers the request; both pages then show the link."""
    _check_public(document)
    with capacities_fixed(actor):
        REQUESTS.check_fresh(request, expected_revision)
        rules.check_link(request, actor)
        with transaction.atomic():
            locked = REQUESTS.lock(request, expected_revision)
            rules.check_link(locked, actor)
            if locked.answered_by.filter(pk=document.pk).exists():
                raise WrongState(_("That document is already linked."))
            locked.answered_by.add(document)
            locked.revision += 1
            locked.save()
            label = document.number_symbol or document.subject
            REQUESTS.record(
                locked,
                actor=actor,
                action="link",
                source=locked.state,
                unit=locked.unit,
                comment=label,
            )
    return locked


def request_draft_answer(
    *,
    requests: Sequence[CoordinationRequest],
    expected_revisions: Mapping[int, int],
    actor: Any,
    kind: str,
    subject: str,
    body: str = "",
    addressees: str = "",
) -> Document:
    """A drafting officer of the receiving unit starts one document (a guidance letter to many
    provinces) that will answer the requests; issuing it answers them all."""
    if not requests:
        raise ReasonRequired(_("Choose at least one request to answer."))
    ordered = sorted(requests, key=lambda request: request.pk)
    unit = ordered[0].unit
    with capacities_fixed(actor):
        for request in ordered:
            REQUESTS.check_fresh(request, expected_revisions.get(request.pk, 0))
            _check_draftable(request, unit, actor)
        with transaction.atomic():
            locked = [REQUESTS.lock(request, expected_revisions[request.pk]) for request in ordered]
            for request in locked:
                _check_draftable(request, unit, actor)
            document = document_create(
                actor=actor, unit=unit, kind=kind, subject=subject, body=body, addressees=addressees
            )
            for request in locked:
                request.drafted_answers.add(document)
                _bump_and_record(request, actor, "draft", comment=document.subject)
    return document


def requests_answer_with_document(*, document: Document, actor: Any) -> list[CoordinationRequest]:
    """The document drafted to answer requests was issued: each request not yet linked to it is
    answered by it (still open with the receiving unit: now answered, the document named as
    the answer), with an audit row and a notice to the requester. Running it again changes
    nothing."""
    _check_public(document)
    pending = document.requests_to_answer.exclude(answered_by=document).order_by("pk")
    with transaction.atomic():
        answered = [_answer_with(request, document, actor) for request in _locked_all(pending)]
    for request in answered:
        transaction.on_commit(
            partial(request_notify_step, request=request, actor=actor, action="answer_document")
        )
    return answered


def _answer_with(request: CoordinationRequest, document: Document, actor: Any) -> Any:
    source = request.state
    if can_proceed(request.answer_with_document):
        request.answer_with_document()
        request.answer_text = _answered_by_sentence(document)
    request.answered_by.add(document)
    _bump_and_record(
        request, actor, "answer_document", comment=document.number_symbol, source=source
    )
    return request


def _answered_by_sentence(document: Document) -> str:
    """Stored as the answer, in Vietnamese whatever the issuer's interface language."""
    with translation.override("vi"):
        return _("Answered by document No. %(number)s of %(day)s: %(subject)s") % {
            "number": document.number_symbol,
            "day": f"{document.issued_on:%d/%m/%Y}" if document.issued_on else "",
            "subject": document.subject,
        }


def _check_draftable(request: CoordinationRequest, unit: Unit, actor: Any) -> None:
    if request.state not in OPEN_STATES:
        raise WrongState(
            _("“%(subject)s” is closed; a closed request is not answered again.")
            % {"subject": request.subject}
        )
    if request.unit_id != unit.pk:
        raise WrongUnit(_("Choose requests held by one unit: the document is drafted there."))
    rules.check_draft_answer(request, actor)


def _locked_all(requests: Any) -> list[CoordinationRequest]:
    return list(requests.select_for_update(of=("self",)).select_related(*REQUESTS.related))


def _bump_and_record(
    request: CoordinationRequest, actor: Any, action: str, *, comment: str, source: str = ""
) -> None:
    request.revision += 1
    request.save()
    REQUESTS.record(
        request,
        actor=actor,
        action=action,
        source=source or request.state,
        unit=request.unit,
        comment=comment,
    )


def _check_public(document: Document) -> None:
    """Requests cross agencies, so they name only documents everyone may read."""
    if not document.is_issued or document.is_confidential:
        raise WrongState(_("Only an issued, non-confidential document can be named here."))


def _attach(request: CoordinationRequest, checked: CheckedFile, actor: Any) -> None:
    RequestAttachment.objects.create(
        request=request,
        file=checked.upload,
        name=checked.name,
        size=checked.upload.size or 0,
        uploaded_by=actor,
    )


def _require_text(text: str, message: str) -> None:
    if not text.strip():
        raise ReasonRequired(message)


def _transition(
    request: CoordinationRequest,
    actor: Any,
    expected_revision: int,
    name: str,
    check: rules.Check,
    comment: str,
    fill: Fill | None = None,
) -> CoordinationRequest:
    with capacities_fixed(actor):
        REQUESTS.check_step(
            request, name, actor=actor, expected_revision=expected_revision, check=check
        )
        with transaction.atomic():
            locked = REQUESTS.lock_for_step(
                request, name, actor=actor, expected_revision=expected_revision, check=check
            )
            source, unit = locked.state, locked.unit
            getattr(locked, name)()
            if fill is not None:
                fill(locked)
            locked.revision += 1
            locked.save()
            REQUESTS.record(
                locked,
                actor=actor,
                action=name,
                source=source,
                unit=unit,
                comment=comment,
                to_unit=locked.unit if locked.unit != unit else None,
                to_person=locked.assignee if name == "assign" else None,
            )
    transaction.on_commit(lambda: request_notify_step(request=locked, actor=actor, action=name))
    return locked
