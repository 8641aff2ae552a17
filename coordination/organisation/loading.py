"""Loading the organisation from the CSV files in ``data/``: idempotent upserts keyed by code,
every text NFC-normalised, all or nothing. A malformed row raises ``DataFileError`` naming the
file, the row and the column.

``provincial_agencies.csv`` holds templates, not agencies: each row makes one agency for every
active province, its ``{code}``, ``{name}`` and ``{title}`` filled from ``provinces.csv``."""

import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import NoReturn

from django.db import models, transaction

from .models import (
    EDXML_CODE_PATTERN,
    Agency,
    AgencyKind,
    CoverageFigure,
    Facility,
    FacilityLevel,
    Province,
    Unit,
)

DATA_DIR = Path(__file__).resolve().parent / "data"
CONTACTS = ("address", "email", "telephone", "website")


class DataFileError(ValueError):
    pass


@dataclass(frozen=True)
class LoadCounts:
    provinces: int
    agencies: int
    units: int
    facilities: int
    coverage: int = 0


def organisation_load(*, data_dir: Path = DATA_DIR) -> LoadCounts:
    with transaction.atomic():
        provinces = provinces_load(path=data_dir / "provinces.csv")
        agencies, units = agencies_load(
            central=data_dir / "central_agencies.csv",
            central_units=data_dir / "central_units.csv",
            provincial=data_dir / "provincial_agencies.csv",
        )
        facilities = facilities_load(path=data_dir / "facilities.csv")
        coverage = coverage_load(path=data_dir / "coverage.csv")
    return LoadCounts(provinces, agencies, units, facilities, coverage)


@transaction.atomic
def coverage_load(*, path: Path) -> int:
    """Coverage figures: an empty province is the whole country; empty figures are unknown."""
    count = 0
    columns = ("province", "year", "participants", "coverage_percent", "plan_percent")
    for row in _rows(path, (*columns, "target_percent", "source")):
        province = row.lookup("province", Province, "code") if row.text("province", False) else None
        CoverageFigure.objects.update_or_create(
            province=province,
            year=row.whole("year"),
            defaults={
                "participants": row.whole("participants", required=False),
                "coverage_percent": row.decimal("coverage_percent"),
                "plan_percent": row.decimal("plan_percent"),
                "target_percent": row.decimal("target_percent"),
                "source": row.text("source", required=False),
            },
        )
        count += 1
    return count


@transaction.atomic
def provinces_load(*, path: Path) -> int:
    count = 0
    for row in _rows(path, ("code", "name", "is_city", "place")):
        Province.objects.update_or_create(
            code=row.text("code"),
            defaults={
                "name": row.text("name"),
                "is_city": row.flag("is_city"),
                "place": row.text("place", required=False),
            },
        )
        count += 1
    return count


@transaction.atomic
def agencies_load(*, central: Path, central_units: Path, provincial: Path) -> tuple[int, int]:
    """The central agencies and their units, then each province's derived agencies and units.
    Returns the number of agencies and of units."""
    agencies = central_agencies_load(path=central)
    units = central_units_load(path=central_units)
    derived, derived_units = provincial_agencies_load(path=provincial)
    return agencies + derived, units + derived_units


@transaction.atomic
def central_agencies_load(*, path: Path) -> int:
    count = 0
    columns = ("code", "name", "name_en", "symbol", "place", "edxml_code", *CONTACTS)
    for row in _rows(path, columns):
        Agency.objects.update_or_create(
            code=row.text("code"),
            defaults={
                "name": row.text("name"),
                "name_en": row.text("name_en", required=False),
                "symbol": row.text("symbol"),
                "place": row.text("place"),
                "edxml_code": row.edxml_code(row.text("edxml_code", required=False)),
                "kind": AgencyKind.CENTRAL,
                **{column: row.text(column, required=False) for column in CONTACTS},
            },
        )
        count += 1
    return count


@transaction.atomic
def central_units_load(*, path: Path) -> int:
    count = 0
    for row in _rows(path, ("agency", "symbol", "name", "name_en")):
        _unit_upsert(
            agency=row.lookup("agency", Agency, "code"),
            symbol=row.text("symbol"),
            name=row.text("name"),
            name_en=row.text("name_en", required=False),
        )
        count += 1
    return count


@transaction.atomic
def provincial_agencies_load(*, path: Path) -> tuple[int, int]:
    """Each template row makes one agency per active province (its People's Committee, Social
    Security office, Department of Health), with the row's units."""
    columns = ("kind", "code", "name", "name_en", "symbol", "parent", "units", "edxml_code")
    templates = list(_rows(path, columns))
    agencies = units = 0
    for province in Province.objects.filter(is_active=True):
        for row in templates:
            agency = _provincial_agency_upsert(row, province)
            for symbol, name in _unit_specs(row):
                _unit_upsert(agency=agency, symbol=symbol, name=name, name_en="")
                units += 1
            agencies += 1
    return agencies, units


@transaction.atomic
def facilities_load(*, path: Path) -> int:
    count = 0
    for row in _rows(path, ("code", "name", "level", "province", "address")):
        Facility.objects.update_or_create(
            code=row.text("code"),
            defaults={
                "name": row.text("name"),
                "level": row.choice("level", FacilityLevel),
                "province": row.lookup("province", Province, "code"),
                "address": row.text("address", required=False),
            },
        )
        count += 1
    return count


def _provincial_agency_upsert(row: "_Row", province: Province) -> Agency:
    parent_code = row.pattern("parent", province, required=False)
    parent = Agency.objects.filter(code=parent_code).first() if parent_code else None
    if parent_code and parent is None:
        row.fail("parent", f"no agency {parent_code!r}; list the parent's row first")
    agency, _created = Agency.objects.update_or_create(
        code=row.pattern("code", province),
        defaults={
            "name": row.pattern("name", province),
            "name_en": row.pattern("name_en", province, required=False),
            "symbol": row.text("symbol"),
            "kind": row.choice("kind", AgencyKind),
            "parent": parent,
            "province": province,
            "place": province.place_name,
            "edxml_code": row.edxml_code(row.pattern("edxml_code", province, required=False)),
        },
    )
    return agency


def _unit_specs(row: "_Row") -> list[tuple[str, str]]:
    specs = []
    for spec in row.text("units", required=False).split("|"):
        symbol, _sep, name = spec.partition(":")
        if not symbol.strip() or not name.strip():
            row.fail("units", f"write units as SYMBOL:Name separated by |, not {spec!r}")
        specs.append((symbol.strip(), name.strip()))
    return specs


def _unit_upsert(*, agency: Agency, symbol: str, name: str, name_en: str) -> Unit:
    unit, _created = Unit.objects.update_or_create(
        agency=agency, symbol=symbol, defaults={"name": name, "name_en": name_en}
    )
    return unit


class _Row:
    def __init__(self, path: Path, number: int, values: dict[str, str]) -> None:
        self.path, self.number, self.values = path, number, values

    def fail(self, column: str, problem: str) -> NoReturn:
        raise DataFileError(f"{self.path.name}, row {self.number}, column {column!r}: {problem}")

    def text(self, column: str, required: bool = True) -> str:
        value = unicodedata.normalize("NFC", (self.values.get(column) or "").strip())
        if required and not value:
            self.fail(column, "is empty")
        return value

    def edxml_code(self, value: str) -> str:
        if value and not re.match(EDXML_CODE_PATTERN, value):
            self.fail("edxml_code", f"write the 13-character code as 000.00.00.G18, not {value!r}")
        return value

    def whole(self, column: str, required: bool = True) -> int | None:
        value = self.text(column, required)
        if not value:
            return None
        if not value.isdigit():
            self.fail(column, f"must be a whole number, not {value!r}")
        return int(value)

    def decimal(self, column: str) -> Decimal | None:
        value = self.text(column, required=False)
        if not value:
            return None
        try:
            return Decimal(value)
        except InvalidOperation:
            self.fail(column, f"must be a number like 93.35, not {value!r}")

    def flag(self, column: str) -> bool:
        value = self.text(column)
        if value not in {"0", "1"}:
            self.fail(column, f"must be 0 or 1, not {value!r}")
        return value == "1"

    def choice(self, column: str, choices: type[models.TextChoices]) -> str:
        value = self.text(column)
        if value not in choices.values:
            self.fail(column, f"unknown value {value!r}; expected one of {sorted(choices.values)}")
        return value

    def pattern(self, column: str, province: Province, required: bool = True) -> str:
        """The column's text with {code}, {name} and {title} of the province filled in."""
        try:
            return self.text(column, required).format(
                code=province.code, name=province.name, title=province.title
            )
        except (KeyError, IndexError, ValueError) as error:
            self.fail(column, f"use only {{code}}, {{name}} and {{title}} ({error})")

    def lookup(self, column: str, model: type[models.Model], field: str) -> models.Model:
        value = self.text(column)
        found = model._default_manager.filter(**{field: value}).first()
        if found is None:
            self.fail(column, f"no {model._meta.model_name} with {field} {value!r}")
        return found


def _rows(path: Path, columns: tuple[str, ...]) -> Iterator[_Row]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        missing = [column for column in columns if column not in (reader.fieldnames or [])]
        if missing:
            raise DataFileError(f"{path.name}: missing columns {missing}")
        for number, values in enumerate(reader, start=2):
            yield _Row(path, number, values)
