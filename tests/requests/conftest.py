"""A provincial Social Security office next to the two central agencies of ``org``."""

from dataclasses import dataclass
from typing import Any

import pytest

from coordination.organisation.models import AgencyKind, Province, Role, Unit
from tests.factories import AgencyFactory, MembershipFactory, UnitFactory, UserFactory


@dataclass
class Province49:
    unit: Unit
    officer: Any
    head: Any
    colleague: Any


def _member(unit: Unit, role: Role, username: str) -> Any:
    user = UserFactory(username=username)
    MembershipFactory(user=user, unit=unit, role=role)
    return user


@pytest.fixture
def qnam(org: Any) -> Province49:
    """Quảng Nam's Social Security office, its verification department and three people."""
    province = Province.objects.create(code="49", name="Quảng Nam")
    agency = AgencyFactory(
        code="bhxh-49",
        name="Bảo hiểm xã hội tỉnh Quảng Nam",
        symbol="BHXH",
        kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY,
        province=province,
        parent=org.vss,
    )
    unit = UnitFactory(agency=agency, name="Phòng Giám định BHYT", symbol="GĐBHYT")
    return Province49(
        unit=unit,
        officer=_member(unit, Role.VERIFICATION_OFFICER, "qnam.officer"),
        head=_member(unit, Role.UNIT_HEAD, "qnam.head"),
        colleague=_member(unit, Role.VERIFICATION_OFFICER, "qnam.colleague"),
    )


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Any:
    """``with committed():`` runs an action's after-commit work (notices) as production does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
