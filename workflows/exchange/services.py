"""Every change to the exchange goes through one of these functions.

Importing reads and checks the whole package before anything is written; then, in one
transaction, it takes the next arrival number, stores the document, its files, the audit row
and the ``01`` status notice. Each later step checks the actor, locks the row, compares the
revision the actor saw, runs the django-fsm transition, saves, writes the audit row and the
status notice; delivery and notifications run after the commit."""

import hashlib
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.organisation.models import Agency, Unit
from coordination.organisation.names import person_name
from coordination.organisation.selectors import capacities_fixed
from workflows.documents.models import Document
from workflows.machines import Machine

from . import rules
from .edxml.envelope import Package
from .edxml.reader import LIMITS, PackageLimits, package_read
from .exceptions import (
    IncomingChanged,
    PackageRefused,
    Problem,
    ReasonRequired,
    WrongAgency,
    WrongState,
)
from .models import (
    IncomingAttachment,
    IncomingCounter,
    IncomingDocument,
    IncomingState,
    StatusNotice,
)
from .notices import incoming_notify_step
from .selectors import assignable_people, incoming_changes_since
from .status import status_notice_write
from .tasks import status_notice_send

Fill = Callable[[IncomingDocument], None]
INCOMING = Machine(
    model=IncomingDocument,
    related=("agency", "unit", "assignee"),
    changed=IncomingChanged,
    changed_message=gettext_lazy(
        "This document changed since you opened it. Nothing was saved; reload to see it."
    ),
    changes_since=incoming_changes_since,
    wrong_state=WrongState,
    wrong_state_message=gettext_lazy(
        "This document is “%(state)s”; that action is not possible now."
    ),
)


def incoming_import(
    *, raw: bytes, agency: Agency, actor: Any, limits: PackageLimits = LIMITS
) -> IncomingDocument:
    """The clerk of ``agency`` registers a received package: checked whole, then stored whole
    with the next arrival number, or refused with every problem and nothing stored."""
    with capacities_fixed(actor):
        rules.check_register(agency, actor)
    if not agency.edxml_code:
        reason = _("%(agency)s has no exchange code, so it cannot receive packages.")
        raise PackageRefused([Problem(reason % {"agency": agency.name})])
    package = package_read(raw, limits=limits)
    _check_addressed_to(package, agency)
    _check_not_received(package, agency)
    try:
        with transaction.atomic():
            incoming, notice = _register(package, raw, agency, actor)
    except IntegrityError:
        _check_not_received(package, agency)  # a second clerk registered it a moment earlier
        raise
    transaction.on_commit(lambda: status_notice_send.enqueue(notice.pk))
    return incoming


def incoming_accept(
    *, incoming: IncomingDocument, actor: Any, expected_revision: int, comment: str = ""
) -> IncomingDocument:
    return _transition(incoming, actor, expected_revision, "accept", rules.check_clerk, comment)


def incoming_return(
    *, incoming: IncomingDocument, actor: Any, expected_revision: int, comment: str
) -> IncomingDocument:
    """The clerk refuses the document or sends it back; the reason goes to the sender."""
    if not comment.strip():
        raise ReasonRequired(_("Say why the document is returned to its sender."))

    def fill(locked: IncomingDocument) -> None:
        locked.return_reason = comment.strip()
        locked.closed_at = timezone.now()

    check = rules.check_clerk
    return _transition(incoming, actor, expected_revision, "return_to_sender", check, comment, fill)


def incoming_assign(
    *,
    incoming: IncomingDocument,
    actor: Any,
    expected_revision: int,
    unit: Unit,
    assignee: Any = None,
    comment: str = "",
) -> IncomingDocument:
    """Give the document to one of the agency's units and, if named, to one of its members."""

    def fill(locked: IncomingDocument) -> None:
        if unit.agency_id != locked.agency_id or not unit.is_active:
            raise WrongAgency(
                _("%(unit)s is not a unit of %(agency)s.")
                % {"unit": unit.name, "agency": locked.agency.name}
            )
        people = assignable_people(locked.agency_id).filter(memberships__unit=unit)
        if assignee is not None and not people.filter(pk=assignee.pk).exists():
            raise WrongAgency(
                _("%(person)s is not a member of %(unit)s.")
                % {"person": person_name(assignee), "unit": unit.name}
            )
        locked.unit, locked.assignee = unit, assignee
        locked.assigned_at = timezone.now()

    return _transition(
        incoming, actor, expected_revision, "assign", rules.check_assign, comment, fill
    )


def incoming_start(
    *, incoming: IncomingDocument, actor: Any, expected_revision: int, comment: str = ""
) -> IncomingDocument:
    return _transition(incoming, actor, expected_revision, "start", rules.check_handle, comment)


def incoming_complete(
    *, incoming: IncomingDocument, actor: Any, expected_revision: int, comment: str = ""
) -> IncomingDocument:
    def fill(locked: IncomingDocument) -> None:
        locked.closed_at = timezone.now()

    check = rules.check_handle
    return _transition(incoming, actor, expected_revision, "complete", check, comment, fill)


def _check_addressed_to(package: Package, agency: Agency) -> None:
    codes = [receiver.code for receiver in package.receivers]
    if agency.edxml_code not in codes:
        reason = _("The package is addressed to %(codes)s, not to %(agency)s (%(code)s).") % {
            "codes": ", ".join(codes),
            "agency": agency.name,
            "code": agency.edxml_code,
        }
        raise PackageRefused([Problem(reason, "edXMLEnvelope › edXMLHeader › MessageHeader › To")])


def _check_not_received(package: Package, agency: Agency) -> None:
    earlier = IncomingDocument.objects.filter(agency=agency, package_id=package.document_id).first()
    if earlier is not None:
        reason = _("This package was already received: arrival number %(number)d of %(year)d.") % {
            "number": earlier.arrival_number,
            "year": earlier.year,
        }
        raise PackageRefused(
            [Problem(reason, "edXMLEnvelope › edXMLHeader › MessageHeader › DocumentId")]
        )


def _register(
    package: Package, raw: bytes, agency: Agency, actor: Any
) -> tuple[IncomingDocument, StatusNotice]:
    now = timezone.now()
    year = timezone.localtime(now).year
    incoming = IncomingDocument(
        agency=agency,
        year=year,
        arrival_number=_next_arrival_number(agency, year),
        arrived_at=now,
        registered_by=actor,
        package_sha256=hashlib.sha256(raw).hexdigest(),
        **_package_fields(package),
    )
    incoming.sender_agency = Agency.objects.filter(edxml_code=package.sender.code).first()
    incoming.source_document = _source_document(package, incoming.sender_agency)
    incoming.package.save(
        f"{agency.code}-{year}-{incoming.arrival_number}.edxml", ContentFile(raw), save=False
    )
    incoming.save()
    for attachment in package.attachments:
        stored = IncomingAttachment(
            incoming=incoming,
            content_id=attachment.content_id,
            name=attachment.name,
            content_type=attachment.content_type,
            description=attachment.description,
            size=len(attachment.data),
            sha256=hashlib.sha256(attachment.data).hexdigest(),
        )
        stored.file.save(attachment.name or "tep", ContentFile(attachment.data), save=False)
        stored.save()
    INCOMING.record(incoming, actor=actor, action="import", source=IncomingState.ARRIVED)
    return incoming, status_notice_write(incoming=incoming, actor=actor, comment="")


def _package_fields(package: Package) -> dict[str, Any]:
    return {
        "package_id": package.document_id,
        "sender_code": package.sender.code,
        "sender_name": package.sender.name,
        "sender": asdict(package.sender),
        "receivers": [asdict(receiver) for receiver in package.receivers],
        "number_symbol": package.number_symbol,
        "place": package.place,
        "promulgated_on": package.promulgated_on,
        "type_code": package.type_code,
        "type_name": package.type_name,
        "subject": package.subject,
        "content": package.content,
        "signer_competence": package.signer.competence,
        "signer_position": package.signer.position,
        "signer_name": package.signer.full_name,
        "due_on": package.due_on,
        "to_places": list(package.to_places),
        "priority": package.priority,
        "steering_type": package.steering_type,
        "page_amount": package.page_amount,
        "promulgation_amount": package.promulgation_amount,
        "typer_notation": package.typer_notation,
        "traces": [{"code": t.code, "at": t.at.isoformat()} for t in package.traces],
    }


def _source_document(package: Package, sender: Agency | None) -> Document | None:
    if sender is None:
        return None
    return Document.objects.filter(
        agency=sender, number_symbol=package.number_symbol, issued_on=package.promulgated_on
    ).first()


def _next_arrival_number(agency: Agency, year: int) -> int:
    """The register's next arrival number: per agency and year, from 1, never reused. The
    counter row is locked, so two clerks registering at once get consecutive numbers."""
    counter, _created = IncomingCounter.objects.select_for_update().get_or_create(
        agency=agency, year=year
    )
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def _transition(
    incoming: IncomingDocument,
    actor: Any,
    expected_revision: int,
    name: str,
    check: rules.Check,
    comment: str,
    fill: Fill | None = None,
) -> IncomingDocument:
    with capacities_fixed(actor):
        INCOMING.check_step(
            incoming, name, actor=actor, expected_revision=expected_revision, check=check
        )
        with transaction.atomic():
            locked = INCOMING.lock_for_step(
                incoming, name, actor=actor, expected_revision=expected_revision, check=check
            )
            source = locked.state
            getattr(locked, name)()
            if fill is not None:
                fill(locked)
            locked.revision += 1
            locked.save()
            INCOMING.record(
                locked,
                actor=actor,
                action=name,
                source=source,
                comment=comment,
                to_unit=locked.unit if name == "assign" else None,
                to_person=locked.assignee if name == "assign" else None,
            )
            notice = status_notice_write(incoming=locked, actor=actor, comment=comment)
    transaction.on_commit(lambda: _after_step(locked, actor, name, notice))
    return locked


def _after_step(incoming: IncomingDocument, actor: Any, name: str, notice: StatusNotice) -> None:
    status_notice_send.enqueue(notice.pk)
    incoming_notify_step(incoming=incoming, actor=actor, action=name)
