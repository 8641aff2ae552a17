"""Provincial offices acknowledging receipt: who is a provincial reader, what is addressed to
them, the service, and what a reader sees of it on a document page."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from coordination.organisation.models import Agency, AgencyKind
from coordination.organisation.selectors import memberships_of

from .models import Acknowledgement, DocumentPage

PROVINCIAL_KINDS = (AgencyKind.PROVINCIAL_SOCIAL_SECURITY, AgencyKind.PROVINCIAL_HEALTH)


class NotAProvincialReader(PermissionDenied):
    """Only staff of a provincial office acknowledge or ask about a document."""


class NotAddressedToAgency(PermissionDenied):
    """The document is neither national nor addressed to the reader's province."""


def provincial_agency_of(user: Any) -> Agency | None:
    """The provincial office the person works in, if any."""
    membership = (
        memberships_of(user)
        .filter(unit__agency__kind__in=PROVINCIAL_KINDS, unit__agency__province__isnull=False)
        .order_by("pk")
        .first()
    )
    return membership.unit.agency if membership else None


def pages_for_agency(agency: Agency) -> QuerySet[DocumentPage]:
    """Live pages a provincial office must acknowledge: central documents for every province,
    and those addressed to its province by name."""
    addressees = DocumentPage.provinces.through.objects
    addressed = addressees.filter(province_id=agency.province_id).values("documentpage_id")
    national = Q(entry__agency__kind=AgencyKind.CENTRAL) & ~Q(
        pk__in=addressees.values("documentpage_id")
    )
    return DocumentPage.objects.live().filter(national | Q(pk__in=addressed))


def acknowledgement_create(*, page: DocumentPage, actor: Any) -> Acknowledgement:
    """Record that the actor's office received the document; acknowledging twice keeps the
    first acknowledgement."""
    agency = reader_agency(actor, page)
    try:
        with transaction.atomic():
            return Acknowledgement.objects.create(page=page, agency=agency, acknowledged_by=actor)
    except IntegrityError:
        return Acknowledgement.objects.get(page=page, agency=agency)


def reader_agency(actor: Any, page: DocumentPage) -> Agency:
    """The provincial office the actor reads for, if the document is addressed to it."""
    agency = provincial_agency_of(actor)
    if agency is None:
        raise NotAProvincialReader(_("Only the staff of a provincial office can do this."))
    if not pages_for_agency(agency).filter(pk=page.pk).exists():
        raise NotAddressedToAgency(_("This document is not addressed to your province."))
    return agency


def reader_context(*, user: Any, page: DocumentPage) -> dict:
    """What a logged-in provincial reader sees under a document: the acknowledgement form or
    who acknowledged."""
    agency = provincial_agency_of(user)
    if agency is None or not pages_for_agency(agency).filter(pk=page.pk).exists():
        return {}
    acknowledgement = (
        Acknowledgement.objects.filter(page=page, agency=agency)
        .select_related("acknowledged_by")
        .first()
    )
    return {"reader_agency": agency, "acknowledgement": acknowledgement}
