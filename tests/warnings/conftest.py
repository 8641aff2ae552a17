"""A small province for cost surveillance: Quảng Nam's Social Security office with its
verification unit, board and office, eight facilities, and Nghệ An's office as a neighbour."""

import csv
import io
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from django.utils import translation

from coordination.organisation.models import (
    Agency,
    AgencyKind,
    Authority,
    Facility,
    FacilityLevel,
    Province,
    Role,
    Unit,
)
from tests.factories import AgencyFactory, MembershipFactory, UnitFactory, UserFactory
from workflows.warnings.columns import COLUMNS

FACILITIES = (
    ("49001", "Bệnh viện Đa khoa Trung ương Quảng Nam", FacilityLevel.CENTRAL),
    ("49002", "Bệnh viện Đa khoa tỉnh Quảng Nam", FacilityLevel.PROVINCIAL),
    ("49012", "Trung tâm Y tế huyện Thăng Bình", FacilityLevel.DISTRICT),
    ("49013", "Trung tâm Y tế huyện Duy Xuyên", FacilityLevel.DISTRICT),
    ("49014", "Trung tâm Y tế huyện Quế Sơn", FacilityLevel.DISTRICT),
    ("49015", "Trung tâm Y tế huyện Núi Thành", FacilityLevel.DISTRICT),
    ("49016", "Trung tâm Y tế huyện Phú Ninh", FacilityLevel.DISTRICT),
    ("49017", "Trung tâm Y tế huyện Tiên Phước", FacilityLevel.DISTRICT),
)


@dataclass
class Office:
    province: Province
    agency: Agency
    verification: Unit
    verifier: Any
    other_verifier: Any
    head: Any
    signer: Any
    neighbour: Province
    neighbour_verifier: Any
    facilities: dict[str, Facility]

    @property
    def facilities_by_pk(self) -> dict[int, str]:
        return {facility.pk: code for code, facility in self.facilities.items()}


def _member(unit: Unit, role: Role, username: str, **extra: Any) -> Any:
    user = UserFactory(username=username)
    MembershipFactory(user=user, unit=unit, role=role, **extra)
    return user


def _office(province: Province) -> tuple[Agency, Unit, Unit]:
    vss = AgencyFactory(code="vss", name="Bảo hiểm xã hội Việt Nam", symbol="BHXH")
    agency = AgencyFactory(
        code=f"bhxh-{province.code}",
        name=f"Bảo hiểm xã hội tỉnh {province.name}",
        symbol="BHXH",
        kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY,
        parent=vss,
        province=province,
        place=province.name,
    )
    verification = UnitFactory(agency=agency, symbol="GĐBHYT", name="Phòng Giám định BHYT")
    board = UnitFactory(agency=agency, symbol="BGĐ", name="Ban Giám đốc")
    return agency, verification, board


@pytest.fixture
def office(db: None) -> Office:
    province = Province.objects.create(code="49", name="Quảng Nam")
    neighbour = Province.objects.create(code="40", name="Nghệ An")
    agency, verification, board = _office(province)
    _neighbour_agency, neighbour_unit, _board = _office(neighbour)
    facilities = {
        code: Facility.objects.create(code=code, name=name, level=level, province=province)
        for code, name, level in FACILITIES
    }
    Facility.objects.create(
        code="40001",
        name="Bệnh viện Hữu nghị Đa khoa Nghệ An",
        level="provincial",
        province=neighbour,
    )
    return Office(
        province=province,
        agency=agency,
        verification=verification,
        verifier=_member(verification, Role.VERIFICATION_OFFICER, "qnam.verifier"),
        other_verifier=_member(verification, Role.VERIFICATION_OFFICER, "qnam.verifier2"),
        head=_member(verification, Role.UNIT_HEAD, "qnam.head", position="Trưởng phòng"),
        signer=_member(
            board,
            Role.SIGNER,
            "qnam.signer",
            position="Phó Giám đốc",
            authority=Authority.DEPUTY,
            principal_position="Giám đốc",
        ),
        neighbour=neighbour,
        neighbour_verifier=_member(neighbour_unit, Role.VERIFICATION_OFFICER, "nghean.verifier"),
        facilities=facilities,
    )


HEADER = [column.header for column in COLUMNS]
LEVEL_WORD = {"central": "Trung ương", "provincial": "Tỉnh", "district": "Huyện", "commune": "Xã"}


def cost_row(
    code: str,
    *,
    visits: int = 10_000,
    total: int = 2_000_000_000,
    paid: int | None = None,
    rejected: int = 10_000_000,
    estimate: int = 8_000_000_000,
) -> list[str]:
    """A plausible row of the facility, with figures written the Vietnamese way."""
    name, level = next((n, lv) for c, n, lv in FACILITIES if c == code)
    paid = round(total * 0.85) if paid is None else paid
    numbers = [visits - visits // 10, visits // 10, total, paid, rejected, estimate]
    return [code, name, LEVEL_WORD[level], *(f"{n:,}".replace(",", ".") for n in numbers)]


def csv_bytes(
    rows: list[list[str]], *, header: list[str] = HEADER, encoding: str = "utf-8"
) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode(encoding)


def all_rows(**figures: Any) -> list[list[str]]:
    return [cost_row(code, **figures) for code, _name, _level in FACILITIES]


def cp1258(text: str) -> bytes:
    """Text as Windows-1258 stores Vietnamese: a base letter (â, ơ, ư … where the code page has
    it) followed by a combining tone mark."""
    return b"".join(_cp1258_char(char) for char in unicodedata.normalize("NFC", text))


def _cp1258_char(char: str) -> bytes:
    base, *marks = unicodedata.normalize("NFD", char)
    candidates = (
        [(char, [])]
        + [
            (unicodedata.normalize("NFC", base + mark), marks[:i] + marks[i + 1 :])
            for i, mark in enumerate(marks)
        ]
        + [(base, marks)]
    )
    for letter, rest in candidates:
        try:
            return (letter + "".join(rest)).encode("cp1258")
        except UnicodeEncodeError:
            continue
    raise UnicodeEncodeError("cp1258", char, 0, 1, "no Windows-1258 form")


@pytest.fixture
def keep_pdf() -> Any:
    """Copies a PDF to $KEEP_PDF_DIR when set, to look at it by eye (pdftoppm)."""

    def keep(name: str, pdf: bytes) -> None:
        folder = os.environ.get("KEEP_PDF_DIR")
        if folder:
            Path(folder).mkdir(parents=True, exist_ok=True)
            (Path(folder) / name).write_bytes(pdf)

    return keep


@pytest.fixture(autouse=True)
def messages_in_english() -> Any:
    """Services and commands are read in English here; the pages' Vietnamese is tested on
    its own."""
    with translation.override("en"):
        yield
