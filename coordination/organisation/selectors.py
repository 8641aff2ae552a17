"""Questions about who belongs where, asked by the workflows and the portal.

A person acts in the roles of their own active memberships and, between its dates, in the role a
principal delegated to them (a deputy signing ``KT.`` while the signer is away).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q, QuerySet
from django.utils import timezone

from .models import Agency, Delegation, Membership, Person, Role, Unit

AnyUser = Person | AnonymousUser


@dataclass(frozen=True)
class Capacity:
    """What a person may do somewhere: a role in a unit, their own or delegated to them."""

    unit_id: int
    agency_id: int
    role: str
    position: str
    authority: str = ""
    delegation_id: int | None = None


def memberships_of(user: AnyUser) -> QuerySet[Membership]:
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user, is_active=True).select_related("unit__agency")


def delegations_running(*, on: date | None = None) -> QuerySet[Delegation]:
    """The delegations whose dates include ``on`` (today by default)."""
    day = on or timezone.localdate()
    return Delegation.objects.filter(starts_on__lte=day, ends_on__gte=day)


def delegations_to(user: AnyUser, *, on: date | None = None) -> QuerySet[Delegation]:
    if not user.is_authenticated:
        return Delegation.objects.none()
    return (
        delegations_running(on=on)
        .filter(deputy=user, membership__is_active=True)
        .select_related("membership__unit")
    )


def people_acting_in(
    memberships: QuerySet[Membership], *, on: date | None = None
) -> QuerySet[Person]:
    """The active people who hold ``memberships``, and the deputies they handed them to for the
    day: who may act in those roles, so who hears of the work waiting in them."""
    deputies = delegations_running(on=on).filter(membership__in=memberships)
    people = Q(pk__in=memberships.values("user_id")) | Q(pk__in=deputies.values("deputy_id"))
    return get_user_model().objects.filter(people, is_active=True).order_by("pk")


def unit_heads(unit_id: int, *, on: date | None = None) -> QuerySet[Person]:
    """Who hears of a unit's new and late work: its heads and their deputies for the day."""
    heads = Membership.objects.filter(unit_id=unit_id, role=Role.UNIT_HEAD, is_active=True)
    return people_acting_in(heads, on=on)


def capacities_of(user: AnyUser) -> list[Capacity]:
    """Every role the person may act in today: two queries, whatever the data, or none when a
    page has already read them for this request (``capacities_remember``)."""
    remembered = getattr(user, "_capacities", None)
    if remembered is not None:
        return remembered
    return _capacities_read(user)


def capacities_remember(user: AnyUser) -> None:
    """Read the person's capacities once for the rest of this request's object."""
    user._capacities = _capacities_read(user)  # type: ignore[union-attr]


@contextmanager
def capacities_fixed(user: AnyUser) -> Iterator[None]:
    """Read the person's capacities once for the duration of one action, then forget them."""
    if getattr(user, "_capacities", None) is not None:
        yield
        return
    capacities_remember(user)
    try:
        yield
    finally:
        del user._capacities  # type: ignore[union-attr]


def _capacities_read(user: AnyUser) -> list[Capacity]:
    own = [
        Capacity(
            unit_id=m.unit_id,
            agency_id=m.unit.agency_id,
            role=m.role,
            position=m.position,
            authority=f"{m.authority} {m.principal_position}".strip() if m.authority else "",
        )
        for m in memberships_of(user)
    ]
    delegated = [
        Capacity(
            unit_id=d.membership.unit_id,
            agency_id=d.membership.unit.agency_id,
            role=d.membership.role,
            position=d.deputy_position,
            authority=f"KT. {d.membership.position}",
            delegation_id=d.pk,
        )
        for d in delegations_to(user)
    ]
    return own + delegated


def capacity_in(
    user: AnyUser, *, role: Role, unit: Unit | None = None, agency: Agency | None = None
) -> Capacity | None:
    """The person's capacity for a role in a unit or agency, their own before a delegated one."""
    for capacity in capacities_of(user):
        if capacity.role != role:
            continue
        if unit is not None and capacity.unit_id == unit.pk:
            return capacity
        if agency is not None and capacity.agency_id == agency.pk:
            return capacity
    return None


def user_has_role_in_unit(*, user: AnyUser, unit: Unit, role: Role) -> bool:
    return capacity_in(user, role=role, unit=unit) is not None


def user_has_role_in_agency(*, user: AnyUser, agency: Agency, role: Role) -> bool:
    return capacity_in(user, role=role, agency=agency) is not None


def user_agencies(user: AnyUser) -> set[int]:
    return {capacity.agency_id for capacity in capacities_of(user)}
