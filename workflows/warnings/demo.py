"""Demo cost data: Quảng Nam's 65 contracted facilities for 2022Q3–Q4 and 2023Q3–Q4, imported
through the real importer, and the province's warning runs (2023Q3 issued, 2023Q4 being
prepared) by the demo's verification staff.

The figures follow shared/PRODUCT.md: costs about +10,35% and visits about +2,95% on 2022,
insurance spending about 7,2% over the assigned estimate, about 10,2 billion đồng rejected in
the year. They are drawn from a fixed seed, so every run of seed_demo makes the same data."""

import csv
import io
import random
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from coordination.organisation.models import Facility, Province

from .columns import COLUMNS
from .models import ThresholdSet, WarningRun
from .quarters import Quarter
from .selectors import cost_import_current
from .services import (
    cost_import_create,
    warning_run_approve,
    warning_run_create,
    warning_run_issue,
    warning_run_submit,
)

PROVINCE = "49"
QUARTERS = (Quarter(2022, 3), Quarter(2022, 4), Quarter(2023, 3), Quarter(2023, 4))
LEVEL_WORDS = {"central": "Trung ương", "provincial": "Tỉnh", "district": "Huyện", "commune": "Xã"}
# Quarterly visits and cost per visit (đồng) of a typical facility of each level in 2022.
PROFILE = {
    "central": (52_000, 1_550_000),
    "provincial": (24_000, 1_150_000),
    "district": (19_000, 410_000),
    "commune": (5_500, 105_000),
}
VISIT_GROWTH, COST_GROWTH = 0.0295, 0.1035
ESTIMATE_OVERRUN = 0.072
REJECTED_SHARE = 0.002
# Quảng Nam warns above 15% growth and 10% over the estimate (the defaults are 10% and 5%):
# with the province's costs up 10,35% overall, the defaults would flag half its facilities.
PROVINCE_THRESHOLDS = {"growth_pct": 15, "estimate_overrun_pct": 10}
# Facilities whose 2023 figures stand out, and how: the demo's warning letters.
OUTLIERS = {
    "49020": {"growth": 0.31},
    "49027": {"growth": 0.24},
    "49035": {"growth": 0.19, "overrun": 0.22},
    "49041": {"cost_per_visit": 2.1},
    "49006": {"rejected": 0.052},
    "49052": {"overrun": 0.27},
}


@dataclass(frozen=True)
class FacilityYear:
    visits: int
    cost_per_visit: float


def warnings_demo_load() -> str:
    """Import the demo quarters that are missing and prepare the runs; a summary line."""
    province = Province.objects.get(code=PROVINCE)
    facilities = list(Facility.objects.filter(province=province, is_contracted=True))
    rng = random.Random(2023)
    bases = {f.code: _base(f.level, rng) for f in facilities}
    ThresholdSet.objects.get_or_create(province=province, level="", defaults=PROVINCE_THRESHOLDS)
    imported = sum(_import_quarter(province, facilities, bases, q) for q in QUARTERS)
    runs = _runs(province)
    return f"Cost warnings: {imported} quarters of Quảng Nam cost data imported; {runs}."


def _base(level: str, rng: random.Random) -> FacilityYear:
    visits, cost = PROFILE[level]
    return FacilityYear(round(visits * rng.uniform(0.55, 1.6)), cost * rng.uniform(0.85, 1.15))


def _import_quarter(
    province: Province, facilities: list[Facility], bases: dict, period: Quarter
) -> int:
    if cost_import_current(province=province, period=period) is not None:
        return 0
    rng = random.Random(period.year * 10 + period.number)
    rows = [_row(f, bases[f.code], period, rng) for f in sorted(facilities, key=lambda f: f.code)]
    cost_import_create(
        actor=None,
        province=province,
        period=period,
        content=_csv(rows),
        source_name=f"quang-nam-{period}.csv",
    )
    return 1


def _row(facility: Facility, base: FacilityYear, period: Quarter, rng: random.Random) -> list:
    outlier = OUTLIERS.get(facility.code, {}) if period.year == 2023 else {}
    season = 1.04 if period.number == 4 else 1.0
    visits = base.visits * season * rng.uniform(0.99, 1.01)
    per_visit = base.cost_per_visit * rng.uniform(0.99, 1.01)
    if period.year == 2023:
        visits *= 1 + VISIT_GROWTH + rng.uniform(-0.01, 0.01)
        per_visit *= 1 + outlier.get("growth", COST_GROWTH + rng.uniform(-0.02, 0.01))
        per_visit /= 1 + VISIT_GROWTH
        per_visit *= outlier.get("cost_per_visit", 1)
    total = round(visits * per_visit, -3)
    paid = round(total * rng.uniform(0.83, 0.88), -3)
    rejected = round(total * outlier.get("rejected", REJECTED_SHARE * rng.uniform(0.5, 1.5)), -3)
    overrun = outlier.get("overrun", ESTIMATE_OVERRUN + rng.uniform(-0.05, 0.02))
    estimate = round(paid * 4 / (1 + overrun), -6)
    inpatient = round(visits * (0.12 if facility.level != "commune" else 0.0))
    return [
        facility.code,
        facility.name,
        LEVEL_WORDS[facility.level],
        round(visits) - inpatient,
        inpatient,
        total,
        paid,
        rejected,
        estimate,
    ]


def _csv(rows: list[list]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([column.header for column in COLUMNS])
    writer.writerows([*row[:3], *(f"{n:,.0f}".replace(",", ".") for n in row[3:])] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _runs(province: Province) -> str:
    people = {u.username: u for u in get_user_model().objects.filter(username__startswith="qnam.")}
    needed = ("qnam.verifier", "qnam.head", "qnam.signer")
    if any(name not in people for name in needed):
        return "no warning runs (the demo's Quảng Nam staff are missing)"
    issued = _run_issued(province, Quarter(2023, 3), people)
    preparing = _run_preparing(province, Quarter(2023, 4), people)
    return f"runs: {issued.period.roman} {issued.state}, {preparing.period.roman} {preparing.state}"


def _existing(province: Province, period: Quarter) -> WarningRun | None:
    return WarningRun.objects.filter(
        province=province, year=period.year, quarter=period.number
    ).first()


def _run_preparing(province: Province, period: Quarter, people: dict[str, Any]) -> WarningRun:
    existing = _existing(province, period)
    if existing is not None:
        return existing
    with transaction.atomic():
        return warning_run_create(actor=people["qnam.verifier"], province=province, period=period)


def _run_issued(province: Province, period: Quarter, people: dict[str, Any]) -> WarningRun:
    existing = _existing(province, period)
    if existing is not None:
        return existing
    run = _run_preparing(province, period, people)
    for service, who in (
        (warning_run_submit, "qnam.verifier"),
        (warning_run_approve, "qnam.head"),
        (warning_run_issue, "qnam.signer"),
    ):
        with transaction.atomic():
            run = service(run=run, actor=people[who], expected_revision=run.revision)
    return run
