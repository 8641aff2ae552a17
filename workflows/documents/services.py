"""Every change to a document goes through one of these functions.

Each one checks the actor, then in one transaction locks the row, compares the revision the actor
saw, runs the django-fsm transition, saves and writes the audit row; side effects (rendering,
publishing) are announced through Wagtail hooks after the commit.
"""

from collections.abc import Callable
from datetime import date
from typing import Any

from django_fsm import can_proceed

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail import hooks

from coordination.organisation.models import Role, Unit
from coordination.organisation.names import person_name
from coordination.organisation.selectors import membership_for

from . import rules
from .exceptions import (
    DocumentChanged,
    IncompleteDocument,
    ReasonRequired,
    WrongState,
)
from .models import Document, DocumentEvent, DocumentState
from .numbering import number_symbol, register_next_number, register_reserve_number
from .selectors import document_changes_since

EDITABLE_FIELDS = ("kind", "subject", "body", "addressees", "distribution", "urgency")
HOOK_DOCUMENT_ISSUED = "document_issued"


def document_create(*, actor: Any, unit: Unit, **fields: Any) -> Document:
    """A drafter starts a document in one of their units."""
    document = Document(
        unit=unit, agency=unit.agency, created_by=actor, last_edited_by=actor, **fields
    )
    rules.check_edit(document, actor)
    with transaction.atomic():
        document.save()
        _record(document, actor=actor, action="create", source=document.state)
    return document


def document_update(
    *, document: Document, actor: Any, expected_revision: int, **fields: Any
) -> Document:
    """A drafter edits a draft; refused if someone changed it since the form was opened."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    _check_fresh(document, expected_revision)
    rules.check_edit(document, actor)
    with transaction.atomic():
        locked = _lock(document, expected_revision)
        rules.check_edit(locked, actor)
        if locked.state != DocumentState.DRAFTING:
            raise WrongState(_("Only a draft can be edited; this document is no longer a draft."))
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.last_edited_by = actor
        locked.revision += 1
        locked.save()
        _record(locked, actor=actor, action="edit", source=locked.state)
    return locked


def document_submit(
    *, document: Document, actor: Any, expected_revision: int, comment: str = ""
) -> Document:
    return _transition(document, actor, expected_revision, "submit", rules.check_submit, comment)


def document_approve(
    *, document: Document, actor: Any, expected_revision: int, comment: str = ""
) -> Document:
    return _transition(document, actor, expected_revision, "approve", rules.check_approve, comment)


def document_return(
    *, document: Document, actor: Any, expected_revision: int, comment: str
) -> Document:
    if not comment.strip():
        raise ReasonRequired(_("Say why the draft goes back to the drafter."))
    return _transition(
        document, actor, expected_revision, "return_to_drafter", rules.check_return, comment
    )


def document_sign(
    *, document: Document, actor: Any, expected_revision: int, comment: str = ""
) -> Document:
    return _transition(
        document, actor, expected_revision, "sign", rules.check_sign, comment, _fill_signature
    )


def document_issue(
    *, document: Document, actor: Any, expected_revision: int, comment: str = ""
) -> Document:
    issued = _transition(
        document, actor, expected_revision, "issue", rules.check_issue, comment, _give_number
    )
    transaction.on_commit(lambda: _announce(HOOK_DOCUMENT_ISSUED, issued.pk))
    return issued


def document_record_issued(
    *,
    actor: Any,
    unit: Unit,
    number: int,
    issued_on: date,
    signer_name: str,
    signer_position: str,
    signer_authority: str = "",
    **fields: Any,
) -> Document:
    """Enter a document issued before the system existed (e.g. 4055/BHXH-CSYT), keeping its
    real number; the register's counter moves past it so the number is never given again."""
    with transaction.atomic():
        document = Document(
            unit=unit,
            agency=unit.agency,
            created_by=actor,
            last_edited_by=actor,
            state=DocumentState.ISSUED,
            number=number,
            year=issued_on.year,
            issued_on=issued_on,
            issued_at=timezone.now(),
            signer_name=signer_name,
            signer_position=signer_position,
            signer_authority=signer_authority,
            **fields,
        )
        document.number_symbol = number_symbol(
            number=number, kind=document.kind, agency=unit.agency, unit=unit
        )
        register_reserve_number(agency=unit.agency, year=issued_on.year, number=number)
        document.save()
        _record(document, actor=actor, action="record", source=DocumentState.ISSUED)
    transaction.on_commit(lambda: _announce(HOOK_DOCUMENT_ISSUED, document.pk))
    return document


def _transition(
    document: Document,
    actor: Any,
    expected_revision: int,
    name: str,
    check: rules.Check,
    comment: str,
    fill: Callable[[Document, Any], None] | None = None,
) -> Document:
    _check_fresh(document, expected_revision)
    _check_state(document, name)
    check(document, actor)
    with transaction.atomic():
        locked = _lock(document, expected_revision)
        _check_state(locked, name)
        check(locked, actor)
        source = locked.state
        getattr(locked, name)()
        if fill is not None:
            fill(locked, actor)
        locked.revision += 1
        locked.save()
        _record(locked, actor=actor, action=name, source=source, comment=comment)
    return locked


def _check_state(document: Document, name: str) -> None:
    method = getattr(document, name)
    if not can_proceed(method, check_conditions=False):
        raise WrongState(
            _("This document is “%(state)s”; that action is not possible now.")
            % {"state": document.get_state_display()}
        )
    if not can_proceed(method):
        raise IncompleteDocument(_("Write the subject and the body before sending the draft."))


def _lock(document: Document, expected_revision: int) -> Document:
    locked = (
        Document.objects.select_for_update().select_related("agency", "unit").get(pk=document.pk)
    )
    _check_fresh(locked, expected_revision)
    return locked


def _check_fresh(document: Document, expected_revision: int) -> None:
    """The actor acted on the revision they saw; anything newer means their form is stale."""
    if document.revision != expected_revision:
        raise DocumentChanged(
            _("This document changed since you opened it. Nothing was saved; reload to see it."),
            changes=document_changes_since(document, expected_revision),
        )


def _fill_signature(document: Document, actor: Any) -> None:
    membership = membership_for(user=actor, agency=document.agency, role=Role.SIGNER)
    document.signer = actor
    document.signer_name = person_name(actor)
    document.signed_at = timezone.now()
    if membership is not None:
        document.signer_position = membership.position
        document.signer_authority = (
            f"{membership.authority} {membership.principal_position}".strip()
            if membership.authority
            else ""
        )


def _give_number(document: Document, actor: Any) -> None:
    today = timezone.localdate()
    document.year = today.year
    document.number = register_next_number(agency=document.agency, year=today.year)
    document.number_symbol = number_symbol(
        number=document.number, kind=document.kind, agency=document.agency, unit=document.unit
    )
    document.issued_on = today
    document.issued_at = timezone.now()


def _record(
    document: Document, *, actor: Any, action: str, source: str, comment: str = ""
) -> DocumentEvent:
    return DocumentEvent.objects.create(
        document=document,
        action=action,
        source_state=source,
        target_state=document.state,
        actor=actor,
        comment=comment,
        revision=document.revision,
    )


def _announce(hook_name: str, document_pk: int) -> None:
    for fn in hooks.get_hooks(hook_name):
        fn(document_pk)
