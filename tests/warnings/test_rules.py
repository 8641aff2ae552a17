"""The anomaly rules on hand-computed examples, and their thresholds per province and level."""

import dataclasses
from decimal import Decimal
from typing import Any

import pytest

from coordination.organisation.models import FacilityLevel
from workflows.warnings.anomalies import (
    DEFAULTS,
    Figures,
    Thresholds,
    YearToDate,
    estimate_finding,
    growth_finding,
    peer_finding,
    peer_stats,
    rejected_finding,
)
from workflows.warnings.evaluation import province_quarter_evaluate
from workflows.warnings.models import ThresholdSet
from workflows.warnings.quarters import Quarter
from workflows.warnings.selectors import thresholds_for
from workflows.warnings.services import cost_import_create

from .conftest import all_rows, cost_row, csv_bytes

Q3 = Quarter(2023, 3)


def _figures(**values: int) -> Figures:
    fields = {
        "level": "district",
        "visits": 10_000,
        "total_cost": 2_000_000_000,
        "insurance_paid": 1_700_000_000,
        "rejected_amount": 0,
        "yearly_estimate": 8_000_000_000,
    }
    return Figures(**(fields | values))


def test_growth_above_the_threshold_is_a_finding_with_its_figures() -> None:
    """2.207.000.000 on 2.000.000.000 is +10,35%, above the default 10%."""
    finding = growth_finding(
        _figures(total_cost=2_207_000_000), _figures(total_cost=2_000_000_000), DEFAULTS
    )
    assert finding is not None and finding.rule == "growth"
    assert finding.text == (
        "Tổng chi phí khám bệnh, chữa bệnh BHYT là 2.207.000.000 đồng, tăng 10,35% so với cùng "
        "kỳ năm trước (2.000.000.000 đồng), vượt ngưỡng cảnh báo 10%."
    )


@pytest.mark.parametrize(
    "previous",
    [_figures(total_cost=2_000_000_000), None, _figures(total_cost=0)],
    ids=["exactly 10%", "no data last year", "nothing last year"],
)
def test_growth_at_the_threshold_or_without_a_base_is_no_finding(previous: Any) -> None:
    assert growth_finding(_figures(total_cost=2_200_000_000), previous, DEFAULTS) is None


def test_robust_z_uses_the_median_and_the_scaled_mad() -> None:
    """Costs per visit 100, 110, 120, 130, 140, 300: median 125, absolute deviations 25, 15, 5,
    5, 15, 175, MAD 15, spread 1,4826 × 15 = 22,239; 300 is (300 − 125) / 22,239 = 7,87 spreads
    above the median, 140 only 0,67."""
    stats = peer_stats([100, 110, 120, 130, 140, 300])
    assert stats is not None
    assert (stats.median, stats.count) == (125, 6)
    assert stats.spread == pytest.approx(22.239)
    high = peer_finding(_figures(total_cost=3_000_000, visits=10_000), stats, DEFAULTS)
    assert high is not None and high.rule == "peer_cost"
    assert "300 đồng, gấp 2,40 lần trung vị của 6 cơ sở cùng tuyến" in high.text
    assert "(125 đồng); mức chênh lệch bằng 7,9 lần" in high.text
    assert "vượt ngưỡng 3 lần" in high.text
    assert peer_finding(_figures(total_cost=1_400_000, visits=10_000), stats, DEFAULTS) is None


def test_a_lower_k_flags_a_smaller_outlier() -> None:
    stats = peer_stats([100, 110, 120, 130, 140, 300])
    limits = dataclasses.replace(DEFAULTS, peer_k=Decimal("0.5"))
    assert peer_finding(_figures(total_cost=1_400_000, visits=10_000), stats, limits) is not None


@pytest.mark.parametrize(
    "values", [[100, 110, 120, 300], [100, 100, 100, 100, 100, 300]], ids=["4 peers", "no spread"]
)
def test_no_peer_comparison_with_too_few_peers_or_no_spread(values: list[float]) -> None:
    assert peer_stats(values) is None
    assert peer_finding(_figures(), None, DEFAULTS) is None


def test_spending_above_the_pro_rata_estimate() -> None:
    """Three quarters of an 8.000.000.000 estimate is 6.000.000.000; 6.432.000.000 paid is
    7,20% over it, above the default 5%; 6.300.000.000 is exactly 5% and is not."""
    current = _figures(yearly_estimate=8_000_000_000)
    finding = estimate_finding(current, YearToDate(6_432_000_000, 3), Q3, DEFAULTS)
    assert finding is not None
    assert finding.text == (
        "Chi phí BHYT đề nghị thanh toán lũy kế đến hết quý III/2023 là 6.432.000.000 đồng, "
        "vượt 7,20% so với 3/4 dự toán năm được giao (6.000.000.000 đồng), vượt ngưỡng 5%."
    )
    assert estimate_finding(current, YearToDate(6_300_000_000, 3), Q3, DEFAULTS) is None
    assert estimate_finding(_figures(yearly_estimate=0), YearToDate(1, 3), Q3, DEFAULTS) is None


def test_a_high_rejected_share() -> None:
    """70.000.000 rejected of 2.000.000.000 is 3,50%, above 3%; 60.000.000 is exactly 3%."""
    finding = rejected_finding(_figures(rejected_amount=70_000_000), DEFAULTS)
    assert finding is not None
    assert finding.text == (
        "Số tiền từ chối thanh toán qua giám định là 70.000.000 đồng, bằng 3,50% tổng chi phí "
        "đề nghị thanh toán, cao hơn ngưỡng 3%."
    )
    assert rejected_finding(_figures(rejected_amount=60_000_000), DEFAULTS) is None


def test_thresholds_the_most_specific_row_wins_for_each_value(office: Any) -> None:
    province, district = office.province, FacilityLevel.DISTRICT
    ThresholdSet.objects.create(growth_pct=12)
    ThresholdSet.objects.create(level=district, growth_pct=15)
    ThresholdSet.objects.create(province=province, peer_k=Decimal("2.5"))
    ThresholdSet.objects.create(province=province, level=district, rejected_pct=1)
    ThresholdSet.objects.create(province=office.neighbour, growth_pct=50)
    limits = thresholds_for(province)
    assert limits[district] == Thresholds(
        growth_pct=15, peer_k=Decimal("2.5"), estimate_overrun_pct=5, rejected_pct=1
    )
    assert limits[FacilityLevel.PROVINCIAL] == Thresholds(
        growth_pct=12, peer_k=Decimal("2.5"), estimate_overrun_pct=5, rejected_pct=3
    )


def _import(office: Any, period: Quarter, rows: list[list[str]]) -> None:
    cost_import_create(
        actor=office.verifier,
        province=office.province,
        period=period,
        content=csv_bytes(rows),
        source_name=f"{period}.csv",
    )


def test_a_quarter_is_evaluated_from_the_current_imports(office: Any) -> None:
    """Last year every facility cost 2.000.000.000. This year 49012 grew 15%; 49013 costs
    400.000 a visit against a district median of 207.500 (MAD 15.000: 8,7 spreads); 49014 had
    7,37% rejected; with one quarter imported this year, 49015's share of its 6.000.000.000
    estimate is 1.500.000.000 and it spent 1.785.000.000."""
    _import(office, Quarter(2022, 3), all_rows())
    rows = all_rows(estimate=100_000_000_000)
    rows[2] = cost_row("49012", total=2_300_000_000, estimate=100_000_000_000)
    rows[3] = cost_row("49013", total=4_000_000_000, estimate=100_000_000_000)
    rows[4] = cost_row("49014", total=1_900_000_000, rejected=140_000_000, estimate=10**11)
    rows[5] = cost_row("49015", total=2_100_000_000, estimate=6_000_000_000)
    rows[6] = cost_row("49016", total=2_050_000_000, estimate=10**11)
    rows[7] = cost_row("49017", total=1_950_000_000, estimate=10**11)
    _import(office, Q3, rows)
    evaluations = province_quarter_evaluate(province=office.province, period=Q3)
    broken = {
        office.facilities_by_pk[e.facility_id]: [f.rule for f in e.findings]
        for e in evaluations
        if e.findings
    }
    assert broken == {
        "49012": ["growth"],
        "49013": ["growth", "peer_cost"],
        "49014": ["rejected"],
        "49015": ["estimate"],
    }
