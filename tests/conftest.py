"""Fixtures shared by the whole suite: a small organisation of the two central agencies."""

import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from django.conf import settings
from django.db import connections
from django.db.backends.signals import connection_created
from django.utils import translation

from coordination.organisation.models import Agency, AgencyKind, Authority, Role, Unit
from tests.factories import AgencyFactory, MembershipFactory, UnitFactory, UserFactory


@dataclass
class Org:
    vss: Agency
    moh: Agency
    csyt: Unit
    vss_leaders: Unit
    vss_office: Unit
    moh_bh: Unit
    drafter: Any
    head: Any
    head_who_drafts: Any
    signer: Any
    clerk: Any
    moh_drafter: Any
    moh_head: Any
    moh_signer: Any
    moh_clerk: Any
    legal: Any
    moh_legal: Any
    moh_reviewer: Any
    vss_legal_unit: Unit


def _member(unit: Unit, role: Role, username: str, **extra: Any) -> Any:
    user = UserFactory(username=username)
    MembershipFactory(user=user, unit=unit, role=role, **extra)
    return user


@pytest.fixture
def org(db: None) -> Org:
    vss = AgencyFactory(
        code="vss", name="Bảo hiểm xã hội Việt Nam", symbol="BHXH", kind=AgencyKind.CENTRAL
    )
    moh = AgencyFactory(code="moh", name="Bộ Y tế", symbol="BYT", kind=AgencyKind.CENTRAL)
    csyt = UnitFactory(agency=vss, name="Ban Thực hiện chính sách BHYT", symbol="CSYT")
    leaders = UnitFactory(agency=vss, name="Ban Giám đốc", symbol="LĐ")
    office = UnitFactory(agency=vss, name="Văn phòng", symbol="VP")
    moh_bh = UnitFactory(agency=moh, name="Vụ Bảo hiểm y tế", symbol="BH")
    moh_leaders = UnitFactory(agency=moh, name="Lãnh đạo Bộ", symbol="LĐB")
    moh_office = UnitFactory(agency=moh, name="Văn phòng Bộ", symbol="VPB")
    vss_legal = UnitFactory(agency=vss, name="Vụ Pháp chế", symbol="PC")
    moh_legal = UnitFactory(agency=moh, name="Vụ Pháp chế", symbol="PC")
    head_who_drafts = _member(csyt, Role.UNIT_HEAD, "vss.deputyhead")
    MembershipFactory(user=head_who_drafts, unit=csyt, role=Role.DRAFTER)
    signer_extra = {
        "position": "Phó Tổng Giám đốc",
        "authority": Authority.DEPUTY,
        "principal_position": "Tổng Giám đốc",
    }
    return Org(
        vss=vss,
        moh=moh,
        csyt=csyt,
        vss_leaders=leaders,
        vss_office=office,
        moh_bh=moh_bh,
        drafter=_member(csyt, Role.DRAFTER, "vss.drafter"),
        head=_member(csyt, Role.UNIT_HEAD, "vss.head", position="Trưởng ban"),
        head_who_drafts=head_who_drafts,
        signer=_member(leaders, Role.SIGNER, "vss.signer", **signer_extra),
        clerk=_member(office, Role.CLERK, "vss.clerk"),
        moh_drafter=_member(moh_bh, Role.DRAFTER, "moh.drafter"),
        moh_head=_member(moh_bh, Role.UNIT_HEAD, "moh.head"),
        moh_signer=_member(moh_leaders, Role.SIGNER, "moh.signer", position="Thứ trưởng"),
        moh_clerk=_member(moh_office, Role.CLERK, "moh.clerk"),
        legal=_member(vss_legal, Role.LEGAL, "vss.legal"),
        moh_legal=_member(moh_legal, Role.LEGAL, "moh.legal"),
        moh_reviewer=_member(moh_bh, Role.REVIEWER, "moh.reviewer"),
        vss_legal_unit=vss_legal,
    )


@pytest.fixture(autouse=True)
def _each_test_starts_in_the_default_language() -> Iterator[None]:
    """A test client request with an English cookie leaves English active in this thread (the
    locale middleware activates a language and never puts the old one back), so the tests after
    it, whichever they were in xdist's order, read their messages in English."""
    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _browser_tests_close_their_connections(request: pytest.FixtureRequest) -> Iterator[None]:
    """While Playwright's sync API runs its event loop in this thread, what a browser test asks of
    the ORM goes through a connection of its own context, which pytest-django never sees: left
    open, it kept the PostgreSQL test database from being dropped at the end of the run. Such
    connections of this thread are closed when the test ends."""
    if request.node.get_closest_marker("browser") is None:
        yield
        return
    opened: list[Any] = []
    here = threading.get_ident()

    def remember(sender: Any, connection: Any, **kwargs: Any) -> None:
        if threading.get_ident() == here:
            opened.append(connection)

    connection_created.connect(remember, weak=False)
    try:
        yield
    finally:
        connection_created.disconnect(remember)
        for wrapper in opened:
            if wrapper is not connections[wrapper.alias]:
                wrapper.close()
