"""An issued MoH directive and the provincial Social Security offices it gives tasks to."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pytest

from coordination.organisation.models import Agency, AgencyKind, Province, Role, Unit
from tests.factories import (
    AgencyFactory,
    DocumentFactory,
    MembershipFactory,
    UnitFactory,
    UserFactory,
)
from workflows.documents.models import Document, DocumentKind, DocumentState

PROVINCES = (("01", "Hà Nội"), ("40", "Nghệ An"), ("49", "Quảng Nam"))


@dataclass
class Office:
    """A provincial Social Security office with an officer who reports and a head."""

    province: Province
    agency: Agency
    unit: Unit
    officer: Any
    head: Any


@dataclass
class Issuer:
    """The MoH unit that drafted the directive and follows up its tasks."""

    unit: Unit
    officer: Any
    directive: Document
    offices: dict[str, Office] = field(default_factory=dict)

    def office(self, name: str) -> Office:
        return next(o for o in self.offices.values() if o.province.name == name)


def _member(unit: Unit, role: Role, username: str, **extra: Any) -> Any:
    user = UserFactory(username=username, **extra)
    MembershipFactory(user=user, unit=unit, role=role)
    return user


def make_office(org: Any, code: str, name: str) -> Office:
    province = Province.objects.get_or_create(code=code, defaults={"name": name})[0]
    agency = AgencyFactory(
        code=f"bhxh-{code}",
        name=f"Bảo hiểm xã hội tỉnh {name}",
        symbol="BHXH",
        kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY,
        province=province,
        parent=org.vss,
    )
    unit = UnitFactory(agency=agency, name="Phòng Giám định BHYT", symbol="GĐBHYT")
    return Office(
        province=province,
        agency=agency,
        unit=unit,
        officer=_member(unit, Role.VERIFICATION_OFFICER, f"officer.{code}"),
        head=_member(unit, Role.UNIT_HEAD, f"head.{code}"),
    )


def issued_directive(unit: Unit, **fields: Any) -> Document:
    fields.setdefault("kind", DocumentKind.DIRECTIVE)
    fields.setdefault("state", DocumentState.ISSUED)
    fields.setdefault("number_symbol", "25/CT-BYT")
    fields.setdefault("issued_on", date(2020, 12, 21))
    fields.setdefault(
        "subject",
        "Về việc tiếp tục tăng cường công tác quản lý và nâng cao chất lượng khám bệnh, chữa "
        "bệnh bảo hiểm y tế",
    )
    return DocumentFactory(unit=unit, **fields)


@pytest.fixture
def issuer(org: Any) -> Issuer:
    kcb = UnitFactory(agency=org.moh, name="Cục Quản lý Khám, chữa bệnh", symbol="KCB")
    officer = _member(kcb, Role.DRAFTER, "moh.kcb", last_name="Tôn Thất", first_name="K")
    found = Issuer(unit=kcb, officer=officer, directive=issued_directive(kcb))
    for code, name in PROVINCES:
        found.offices[code] = make_office(org, code, name)
    return found


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Any:
    """``with committed():`` runs an action's after-commit work (notices, printing)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
