"""The summary report's quarters, computed from imported cost data and checked by hand."""

from decimal import Decimal
from typing import Any

from reports.summaries.figures import quarter_rows
from workflows.warnings.quarters import Quarter
from workflows.warnings.services.costs import cost_import_create

from .conftest import Office, all_rows, csv_bytes


def _import(office: Office, period: str, **figures: Any) -> None:
    cost_import_create(
        actor=None,
        province=office.province,
        period=Quarter.parse(period),
        content=csv_bytes(all_rows(**figures)),
        source_name=f"{period}.csv",
    )


def test_quarters_sum_the_facilities_and_grow_on_the_same_quarter_last_year(
    office: Office,
) -> None:
    _import(office, "2022Q4", visits=10_000, total=2_000_000_000, rejected=10_000_000)
    _import(office, "2023Q4", visits=10_300, total=2_207_000_000, rejected=12_000_000)
    rows = quarter_rows(province=office.province)
    assert [r.label for r in rows] == ["Q4/2022", "Q4/2023"]
    facilities = 8
    assert rows[1].visits == 10_300 * facilities
    assert rows[1].total_cost == 2_207_000_000 * facilities
    assert rows[1].rejected == 12_000_000 * facilities
    assert rows[1].visits_growth == Decimal("3.00")
    assert rows[1].cost_growth == Decimal("10.35")
    assert rows[0].cost_growth is None
