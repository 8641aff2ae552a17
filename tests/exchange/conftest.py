"""Quảng Nam's Social Security office receiving from VSS, both with their exchange codes, and
packages built from plain data (with a real one-page PDF) to be read, spoiled and imported."""

import io
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from pypdf import PdfWriter

from django.utils import timezone, translation

from coordination.organisation.models import Agency, AgencyKind, Role, Unit
from tests.factories import AgencyFactory, MembershipFactory, UnitFactory, UserFactory
from workflows.exchange import services
from workflows.exchange.edxml.content import PDF
from workflows.exchange.edxml.envelope import (
    Attachment,
    Organisation,
    Package,
    Signer,
    Trace,
    qualified,
)
from workflows.exchange.edxml.writer import package_write
from workflows.exchange.models import IncomingDocument

VSS_CODE = "000.00.00.G99"
QNAM_CODE = "000.00.49.G99"
NGHEAN_CODE = "000.00.40.G99"


@dataclass
class Office:
    vss: Agency
    agency: Agency
    office: Unit
    verification: Unit
    leaders: Unit
    clerk: Any
    signer: Any
    head: Any
    officer: Any
    colleague: Any
    nghean: Agency
    nghean_clerk: Any


def _member(unit: Unit, role: Role, username: str, **extra: Any) -> Any:
    user = UserFactory(username=username)
    MembershipFactory(user=user, unit=unit, role=role, **extra)
    return user


@pytest.fixture
def qnam(org: Any, settings: Any, tmp_path: Path) -> Office:
    """The office's clerk, its deputy director (who assigns), the verification unit's head and
    two officers; Nghệ An's office and clerk next door. Files go to a fresh media folder."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    Agency.objects.filter(pk=org.vss.pk).update(edxml_code=VSS_CODE, address="Số 7 Tràng Thi")
    org.vss.refresh_from_db()
    agency = AgencyFactory(
        code="bhxh-49",
        name="Bảo hiểm xã hội tỉnh Quảng Nam",
        symbol="BHXH",
        kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY,
        parent=org.vss,
        place="Quảng Nam",
        edxml_code=QNAM_CODE,
    )
    nghean = AgencyFactory(
        code="bhxh-40",
        name="Bảo hiểm xã hội tỉnh Nghệ An",
        symbol="BHXH",
        kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY,
        parent=org.vss,
        edxml_code=NGHEAN_CODE,
    )
    office = UnitFactory(agency=agency, name="Văn phòng", symbol="VP")
    verification = UnitFactory(agency=agency, name="Phòng Giám định bảo hiểm y tế", symbol="GĐBHYT")
    leaders = UnitFactory(agency=agency, name="Ban Giám đốc", symbol="BGĐ")
    return Office(
        vss=org.vss,
        agency=agency,
        office=office,
        verification=verification,
        leaders=leaders,
        clerk=_member(office, Role.CLERK, "qnam.clerk"),
        signer=_member(leaders, Role.SIGNER, "qnam.signer", position="Phó Giám đốc"),
        head=_member(verification, Role.UNIT_HEAD, "qnam.head"),
        officer=_member(verification, Role.VERIFICATION_OFFICER, "qnam.officer"),
        colleague=_member(verification, Role.VERIFICATION_OFFICER, "qnam.colleague"),
        nghean=nghean,
        nghean_clerk=_member(
            UnitFactory(agency=nghean, name="Văn phòng", symbol="VP"), Role.CLERK, "nghean.clerk"
        ),
    )


def one_page_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def package(**changes: Any) -> Package:
    """Document 4055/BHXH-CSYT from VSS to Quảng Nam's office, as plain data."""
    base = Package(
        sender=Organisation(VSS_CODE, "Bảo hiểm xã hội Việt Nam", address="Số 7 Tràng Thi"),
        receivers=(Organisation(QNAM_CODE, "Bảo hiểm xã hội tỉnh Quảng Nam"),),
        document_id=f"{VSS_CODE},2020/12/29,4055/BHXH-CSYT",
        code_number="4055",
        code_notation="BHXH-CSYT",
        place="Hà Nội",
        promulgated_on=date(2020, 12, 29),
        type_code=1,
        type_name="Công văn",
        subject="Về việc thực hiện khoản 6 Điều 22 Luật Bảo hiểm y tế",
        content="Bảo hiểm xã hội Việt Nam đề nghị Bảo hiểm xã hội các tỉnh hướng dẫn thực hiện.",
        signer=Signer("KT. Tổng Giám đốc", "Phó Tổng Giám đốc", "Hoàng Văn E"),
        due_on=date(2021, 1, 15),
        to_places=("Bảo hiểm xã hội các tỉnh, thành phố trực thuộc Trung ương",),
        priority=1,
        steering_type=0,
        page_amount=1,
        promulgation_amount=3,
        typer_notation="CSYT",
        traces=(Trace(VSS_CODE, timezone.make_aware(datetime(2020, 12, 29, 16, 5))),),
        attachments=(Attachment("cid:1", "4055-bhxh-csyt.pdf", PDF, one_page_pdf()),),
    )
    return replace(base, **changes)


def raw_package(**changes: Any) -> bytes:
    return package_write(package(**changes))


def edited(raw: bytes, edit: Any) -> bytes:
    """The package with ``edit(root)`` applied to its XML tree."""
    root = etree.fromstring(raw)
    edit(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def find(root: Any, path: str) -> Any:
    """``find(root, "edXMLHeader/MessageHeader/Subject")`` in the edXML namespace."""
    return root.find("/".join(qualified(name) for name in path.split("/")))


def imported(office: Office, raw: bytes | None = None, **changes: Any) -> IncomingDocument:
    return services.incoming_import(
        raw=raw if raw is not None else raw_package(**changes),
        agency=office.agency,
        actor=office.clerk,
    )


@pytest.fixture(autouse=True)
def english() -> Any:
    """Refusals are compared in English; pages, served in the default Vietnamese, in Vietnamese."""
    with translation.override("en"):
        yield


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Any:
    """``with committed():`` runs an action's after-commit work as production does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
