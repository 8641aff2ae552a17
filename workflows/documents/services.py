"""Every change to a document goes through one of these functions.

Each one checks the actor, then in one transaction locks the row, compares the revision the actor
saw, runs the django-fsm transition, saves and writes the audit row; side effects (notifications,
rendering, publishing) run after the commit.
"""

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

from django_fsm import can_proceed

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks

from coordination.organisation.models import Role, Unit
from coordination.organisation.names import person_name
from coordination.organisation.selectors import capacities_fixed, capacity_in
from workflows.machines import Machine

from . import rules
from .deadlines import step_due_on
from .exceptions import (
    DocumentChanged,
    IncompleteDocument,
    ReasonRequired,
    WrongState,
)
from .models import (
    Document,
    DocumentKind,
    DocumentRelation,
    DocumentSignature,
    DocumentState,
    DocumentVersion,
    RegisterSeries,
    RelationKind,
)
from .models.document import EDITABLE_FIELDS
from .models.relation import TARGET_TRANSITION
from .models.states import ACTIVE_STATES
from .models.version import VERSIONED_FIELDS
from .numbering import number_symbol, register_next_number, register_reserve_number
from .selectors import document_changes_since

HOOK_DOCUMENT_ISSUED = "document_issued"
HOOK_DOCUMENT_STATUS_CHANGED = "document_status_changed"
DOCUMENTS = Machine(
    model=Document,
    related=("agency", "unit__agency", "counterpart_unit__agency", "counterpart_agency"),
    changed=DocumentChanged,
    changed_message=gettext_lazy(
        "This document changed since you opened it. Nothing was saved; reload to see it."
    ),
    changes_since=document_changes_since,
    wrong_state=WrongState,
    wrong_state_message=gettext_lazy(
        "This document is “%(state)s”; that action is not possible now."
    ),
    unmet=lambda document: _incomplete(document),
)


def document_create(*, actor: Any, unit: Unit, **fields: Any) -> Document:
    """A drafter starts a document in one of their units."""
    document = Document(
        unit=unit, agency=unit.agency, created_by=actor, last_edited_by=actor, **fields
    )
    rules.check_edit(document, actor)
    _derive(document)
    _start_step(document, assignee=actor)
    with transaction.atomic():
        document.save()
        DOCUMENTS.record(document, actor=actor, action="create", source=document.state)
    return document


def document_update(
    *, document: Document, actor: Any, expected_revision: int, **fields: Any
) -> Document:
    """A drafter edits a draft; refused if someone changed it since the form was opened."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    DOCUMENTS.check_fresh(document, expected_revision)
    rules.check_edit(document, actor)
    with transaction.atomic():
        locked = DOCUMENTS.lock(document, expected_revision)
        rules.check_edit(locked, actor)
        if locked.state != DocumentState.DRAFTING:
            raise WrongState(_("Only a draft can be edited; this document is no longer a draft."))
        for name, value in fields.items():
            setattr(locked, name, value)
        _derive(locked)
        locked.last_edited_by = actor
        locked.revision += 1
        locked.save()
        DOCUMENTS.record(locked, actor=actor, action="edit", source=locked.state)
    return locked


def document_submit(
    *, document: Document, actor: Any, expected_revision: int, comment: str = ""
) -> Document:
    """The drafter sends the draft on; its content is frozen as a new version."""
    return _transition(
        document, actor, expected_revision, "submit", rules.check_submit, comment, _freeze
    )


def document_approve(
    *, document: Document, actor: Any, expected_revision: int, comment: str = ""
) -> Document:
    return _transition(document, actor, expected_revision, "approve", rules.check_approve, comment)


def document_appraise(
    *, document: Document, actor: Any, expected_revision: int, comment: str = ""
) -> Document:
    return _transition(
        document, actor, expected_revision, "appraise", rules.check_appraise, comment
    )


def document_agree(
    *, document: Document, actor: Any, expected_revision: int, comment: str = ""
) -> Document:
    return _transition(document, actor, expected_revision, "agree", rules.check_agree, comment)


def document_return(
    *, document: Document, actor: Any, expected_revision: int, comment: str
) -> Document:
    if not comment.strip():
        raise ReasonRequired(_("Say why the draft goes back to the drafter."))
    return _transition(
        document, actor, expected_revision, "return_to_drafter", rules.check_return, comment
    )


def document_withdraw(
    *, document: Document, actor: Any, expected_revision: int, comment: str
) -> Document:
    """Abandon a draft. It keeps its history; it never had a number to lose."""
    if not comment.strip():
        raise ReasonRequired(_("Say why the draft is withdrawn."))
    return _transition(
        document, actor, expected_revision, "withdraw", rules.check_withdraw, comment
    )


def document_sign(
    *, document: Document, actor: Any, expected_revision: int, comment: str = ""
) -> Document:
    """A signer signs for their agency; a joint document waits for the other agency's signer."""
    name = "sign_first" if _needs_another_signature(document) else "sign"
    return _transition(
        document, actor, expected_revision, name, rules.check_sign, comment, _add_signature
    )


def document_issue(
    *, document: Document, actor: Any, expected_revision: int, comment: str = ""
) -> Document:
    """The lead agency's clerk gives the number; documents it amends, supersedes or revokes
    change state in the same transaction."""
    issued = _transition(
        document, actor, expected_revision, "issue", rules.check_issue, comment, _give_number
    )
    transaction.on_commit(lambda: _announce(HOOK_DOCUMENT_ISSUED, issued.pk))
    return issued


def document_take(*, document: Document, actor: Any, expected_revision: int) -> Document:
    """Someone of the unit whose queue holds the step takes it, so colleagues see it is taken."""
    DOCUMENTS.check_fresh(document, expected_revision)
    _check_may_act(document, actor)
    with transaction.atomic():
        locked = DOCUMENTS.lock(document, expected_revision)
        _check_may_act(locked, actor)
        locked.assignee = actor
        locked.revision += 1
        locked.save()
        DOCUMENTS.record(locked, actor=actor, action="take", source=locked.state)
    return locked


def document_set_deadline(
    *, document: Document, actor: Any, expected_revision: int, due_on: date, comment: str = ""
) -> Document:
    """The drafting unit's head moves the current step's deadline."""
    if document.state not in ACTIVE_STATES:
        raise WrongState(_("Only a step in progress has a deadline."))
    DOCUMENTS.check_fresh(document, expected_revision)
    rules.check_set_deadline(document, actor)
    with transaction.atomic():
        locked = DOCUMENTS.lock(document, expected_revision)
        previous = locked.step_due_on
        locked.step_due_on = due_on
        locked.escalated_at = None
        locked.revision += 1
        locked.save()
        note = f"{previous:%d/%m/%Y} → {due_on:%d/%m/%Y}" if previous else f"→ {due_on:%d/%m/%Y}"
        DOCUMENTS.record(
            locked,
            actor=actor,
            action="deadline",
            source=locked.state,
            comment=f"{note}. {comment}".strip(". ") if comment else note,
        )
    return locked


def document_relate(*, document: Document, actor: Any, target: Document, kind: str) -> None:
    """While drafting, say which issued document this one amends, supersedes, revokes or
    implements; it takes effect when this one is issued."""
    rules.check_edit(document, actor)
    if document.state != DocumentState.DRAFTING:
        raise WrongState(_("Relations are set while drafting."))
    if not target.is_issued or target.pk == document.pk:
        raise WrongState(_("A relation points at another issued document."))
    DocumentRelation.objects.update_or_create(
        source=document, target=target, defaults={"kind": kind}
    )


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
        _derive(document)
        document.number_symbol = number_symbol(document=document, number=number)
        register_reserve_number(agency=unit.agency, year=issued_on.year, number=number)
        document.save()
        DOCUMENTS.record(document, actor=actor, action="record", source=DocumentState.ISSUED)
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
    with capacities_fixed(actor):
        return _transition_checked(document, actor, expected_revision, name, check, comment, fill)


def _transition_checked(
    document: Document,
    actor: Any,
    expected_revision: int,
    name: str,
    check: rules.Check,
    comment: str,
    fill: Callable[[Document, Any], None] | None,
) -> Document:
    DOCUMENTS.check_step(
        document, name, actor=actor, expected_revision=expected_revision, check=check
    )
    with transaction.atomic():
        locked = DOCUMENTS.lock_for_step(
            document, name, actor=actor, expected_revision=expected_revision, check=check
        )
        source = locked.state
        getattr(locked, name)()
        if fill is not None:
            fill(locked, actor)
        if locked.state != source:
            _start_step(locked, assignee=_first_assignee(locked))
        locked.revision += 1
        locked.save()
        DOCUMENTS.record(locked, actor=actor, action=name, source=source, comment=comment)
    transaction.on_commit(lambda: _notify(locked.pk, actor.pk, name))
    return locked


def _incomplete(document: Document) -> IncompleteDocument:
    """Why the draft cannot be sent on: the conditions of its transition are not met."""
    if not rules.has_counterpart_if_joint(document):
        return IncompleteDocument(_("A joint document needs the other agency's unit."))
    return IncompleteDocument(_("Write the subject and the body before sending the draft."))


def _check_may_act(document: Document, actor: Any) -> None:
    from .selectors import document_actions_for

    if not document_actions_for(document, actor):
        raise WrongState(_("This step is not yours to take."))


def _derive(document: Document) -> None:
    """Fields that follow from others: the counterpart's agency and the register series."""
    unit = document.counterpart_unit
    document.counterpart_agency = unit.agency if unit is not None else None
    if document.kind == DocumentKind.JOINT_CIRCULAR:
        document.is_joint = True
    elif unit is None or document.kind == DocumentKind.OFFICIAL_LETTER:
        document.is_joint = False
    document.series = (
        RegisterSeries.CONFIDENTIAL if document.confidentiality else RegisterSeries.ORDINARY
    )


def _start_step(document: Document, *, assignee: Any) -> None:
    now = timezone.now()
    document.step_started_at = now
    document.step_due_on = step_due_on(
        kind=document.kind, state=document.state, start=timezone.localdate(now)
    )
    document.escalated_at = None
    document.assignee = assignee
    if document.state == DocumentState.COUNTERPART_REVIEW and document.shared_at is None:
        document.shared_at = now


def _first_assignee(document: Document) -> Any:
    """A returned draft goes back to its drafter; other steps wait in a queue to be taken."""
    return document.created_by if document.state == DocumentState.DRAFTING else None


def _freeze(document: Document, actor: Any) -> None:
    document.version_number += 1
    DocumentVersion.objects.create(
        document=document,
        number=document.version_number,
        frozen_by=actor,
        **{name: getattr(document, name) for name in VERSIONED_FIELDS},
    )


def _needs_another_signature(document: Document) -> bool:
    return document.is_joint and len(rules.agencies_still_to_sign(document)) > 1


def _add_signature(document: Document, actor: Any) -> None:
    agency = rules.signing_agency_for(document, actor)
    assert agency is not None  # check_sign made sure of it
    capacity = capacity_in(actor, role=Role.SIGNER, agency=agency)
    signature = DocumentSignature.objects.create(
        document=document,
        version=document.versions.get(number=document.version_number),
        agency=agency,
        signer=actor,
        name=person_name(actor),
        position=capacity.position if capacity else "",
        authority=capacity.authority if capacity else "",
    )
    if agency.pk == document.agency_id:
        document.signer = actor
        document.signer_name = signature.name
        document.signer_position = signature.position
        document.signer_authority = signature.authority
        document.signed_at = signature.signed_at


def _give_number(document: Document, actor: Any) -> None:
    today = timezone.localdate()
    document.year = today.year
    document.number = register_next_number(
        agency=document.agency, year=today.year, series=document.series
    )
    document.number_symbol = number_symbol(document=document, number=document.number)
    document.issued_on = today
    document.issued_at = timezone.now()
    _apply_relations(document, actor)


def _apply_relations(document: Document, actor: Any) -> None:
    """Amend, supersede or revoke the earlier documents this one names, each with its own
    audit row that cites this document's number."""
    for relation in document.relations.all():
        relation.applied_at = timezone.now()
        relation.save(update_fields=["applied_at"])
        name = TARGET_TRANSITION.get(RelationKind(relation.kind))
        if name is None:
            continue
        target = Document.objects.select_for_update().get(pk=relation.target_id)
        if not can_proceed(getattr(target, name)):
            raise WrongState(
                _("%(number)s is “%(state)s” and cannot be %(relation)s.")
                % {
                    "number": target.number_symbol,
                    "state": target.get_state_display(),
                    "relation": relation.get_kind_display(),
                }
            )
        source = target.state
        getattr(target, name)()
        target.revision += 1
        target.save()
        DOCUMENTS.record(
            target, actor=actor, action=name, source=source, comment=document.number_symbol
        )
        transaction.on_commit(partial(_announce, HOOK_DOCUMENT_STATUS_CHANGED, target.pk))


def _notify(document_pk: int, actor_pk: int, action: str) -> None:
    """Notices go out from the worker: the request only queues them."""
    from .tasks import document_notify

    document_notify.enqueue(document_pk, actor_pk, action)


def _announce(hook_name: str, document_pk: int) -> None:
    for fn in hooks.get_hooks(hook_name):
        fn(document_pk)
