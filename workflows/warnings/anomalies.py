"""The anomaly rules, on plain figures: each rule returns a finding with the reason printed in
the letter (in Vietnamese, whatever the interface language), or nothing.

- growth: total cost against the same quarter of last year, above ``growth_pct``;
- peer_cost: cost per visit above the median of the province's facilities of the same level by
  more than ``peer_k`` spreads, the spread being the scaled median absolute deviation
  (1.4826 × MAD, which equals the standard deviation for normal data): a robust z-score;
- estimate: insurance spending from the start of the year above the pro-rata share of the
  yearly estimate (quarters imported / 4) by more than ``estimate_overrun_pct``;
- rejected: rejected amount above ``rejected_pct`` of the total cost.
"""

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .numerals import vn_decimal, vn_int, vn_percent
from .quarters import Quarter

MAD_SCALE = 1.4826
MIN_PEERS = 5


@dataclass(frozen=True)
class Thresholds:
    growth_pct: Decimal
    peer_k: Decimal
    estimate_overrun_pct: Decimal
    rejected_pct: Decimal


DEFAULTS = Thresholds(
    growth_pct=Decimal(10),
    peer_k=Decimal(3),
    estimate_overrun_pct=Decimal(5),
    rejected_pct=Decimal(3),
)
THRESHOLD_NAMES = ("growth_pct", "peer_k", "estimate_overrun_pct", "rejected_pct")


@dataclass(frozen=True)
class Figures:
    level: str
    visits: int
    total_cost: int
    insurance_paid: int
    rejected_amount: int
    yearly_estimate: int

    @property
    def cost_per_visit(self) -> float | None:
        return self.total_cost / self.visits if self.visits else None


@dataclass(frozen=True)
class Finding:
    rule: str
    text: str


@dataclass(frozen=True)
class PeerStats:
    median: float
    spread: float
    count: int


@dataclass(frozen=True)
class YearToDate:
    insurance_paid: int
    quarters: int


def _num(value: Decimal) -> str:
    """A threshold as the letter writes it: 10 → '10', 2.5 → '2,5'."""
    text = f"{value.normalize():f}"
    return text.replace(".", ",")


def _above(ratio: Fraction, percent: Decimal) -> bool:
    """Exact comparison: 2.200.000.000 on 2.000.000.000 is 10%, not above it."""
    return ratio * 100 > Fraction(percent)


def growth_finding(
    current: Figures, previous: Figures | None, limits: Thresholds
) -> Finding | None:
    if previous is None or previous.total_cost == 0:
        return None
    growth = Fraction(current.total_cost - previous.total_cost, previous.total_cost)
    if not _above(growth, limits.growth_pct):
        return None
    return Finding(
        "growth",
        f"Tổng chi phí khám bệnh, chữa bệnh BHYT là {vn_int(current.total_cost)} đồng, tăng "
        f"{vn_percent(growth)} so với cùng kỳ năm trước ({vn_int(previous.total_cost)} đồng), "
        f"vượt ngưỡng cảnh báo {_num(limits.growth_pct)}%.",
    )


def peer_stats(costs_per_visit: list[float]) -> PeerStats | None:
    """Median and scaled MAD of a level's costs per visit; none with too few peers or no
    spread at all."""
    if len(costs_per_visit) < MIN_PEERS:
        return None
    median = statistics.median(costs_per_visit)
    mad = statistics.median(abs(value - median) for value in costs_per_visit)
    if mad == 0:
        return None
    return PeerStats(median, MAD_SCALE * mad, len(costs_per_visit))


def peer_finding(current: Figures, stats: PeerStats | None, limits: Thresholds) -> Finding | None:
    cost = current.cost_per_visit
    if stats is None or cost is None:
        return None
    z = (cost - stats.median) / stats.spread
    if z <= limits.peer_k:
        return None
    return Finding(
        "peer_cost",
        f"Chi phí bình quân một lượt khám, chữa bệnh là {vn_int(cost)} đồng, gấp "
        f"{vn_decimal(cost / stats.median)} lần trung vị của {stats.count} cơ sở cùng tuyến "
        f"trong tỉnh ({vn_int(stats.median)} đồng); mức chênh lệch bằng {vn_decimal(z, 1)} lần "
        f"độ phân tán chuẩn hóa, vượt ngưỡng {_num(limits.peer_k)} lần.",
    )


def estimate_finding(
    current: Figures, to_date: YearToDate, period: Quarter, limits: Thresholds
) -> Finding | None:
    share = Fraction(current.yearly_estimate * to_date.quarters, 4)
    if share == 0:
        return None
    overrun = to_date.insurance_paid / share - 1
    if not _above(overrun, limits.estimate_overrun_pct):
        return None
    return Finding(
        "estimate",
        f"Chi phí BHYT đề nghị thanh toán lũy kế đến hết quý {period.roman} là "
        f"{vn_int(to_date.insurance_paid)} đồng, vượt {vn_percent(overrun)} so với "
        f"{to_date.quarters}/4 dự toán năm được giao ({vn_int(share)} đồng), vượt ngưỡng "
        f"{_num(limits.estimate_overrun_pct)}%.",
    )


def rejected_finding(current: Figures, limits: Thresholds) -> Finding | None:
    if current.total_cost == 0:
        return None
    ratio = Fraction(current.rejected_amount, current.total_cost)
    if not _above(ratio, limits.rejected_pct):
        return None
    return Finding(
        "rejected",
        f"Số tiền từ chối thanh toán qua giám định là {vn_int(current.rejected_amount)} đồng, "
        f"bằng {vn_percent(ratio)} tổng chi phí đề nghị thanh toán, cao hơn ngưỡng "
        f"{_num(limits.rejected_pct)}%.",
    )


def findings_for(
    current: Figures,
    *,
    previous: Figures | None,
    peers: PeerStats | None,
    to_date: YearToDate,
    period: Quarter,
    limits: Thresholds,
) -> list[Finding]:
    """Every rule the facility breaks, in the order the letter lists them."""
    found = (
        growth_finding(current, previous, limits),
        peer_finding(current, peers, limits),
        estimate_finding(current, to_date, period, limits),
        rejected_finding(current, limits),
    )
    return [finding for finding in found if finding is not None]


def thresholds_merge(rows: Sequence[Mapping[str, Any]]) -> Thresholds:
    """The defaults, overridden by each row in turn (least specific first) where it sets a
    value."""
    values = {name: getattr(DEFAULTS, name) for name in THRESHOLD_NAMES}
    for row in rows:
        values.update({name: row[name] for name in THRESHOLD_NAMES if row[name] is not None})
    return Thresholds(**values)
