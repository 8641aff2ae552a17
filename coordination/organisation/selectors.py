"""Questions about who belongs where, asked by the workflows and the portal."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import QuerySet

from .models import Agency, Membership, Role, Unit


def memberships_of(user: AbstractBaseUser | AnonymousUser) -> QuerySet[Membership]:
    if not user.is_authenticated:
        return Membership.objects.none()
    return Membership.objects.filter(user=user, is_active=True).select_related("unit__agency")


def user_has_role_in_unit(*, user: AbstractBaseUser, unit: Unit, role: Role) -> bool:
    return memberships_of(user).filter(unit=unit, role=role).exists()


def user_has_role_in_agency(*, user: AbstractBaseUser, agency: Agency, role: Role) -> bool:
    return memberships_of(user).filter(unit__agency=agency, role=role).exists()


def user_agencies(user: AbstractBaseUser | AnonymousUser) -> set[int]:
    return set(memberships_of(user).values_list("unit__agency_id", flat=True))


def membership_for(*, user: AbstractBaseUser, agency: Agency, role: Role) -> Membership | None:
    return memberships_of(user).filter(unit__agency=agency, role=role).first()
