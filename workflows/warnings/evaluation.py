"""Running the anomaly rules over a province's quarter, from the current imports: this quarter,
the same quarter last year, and the quarters of this year so far."""

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from coordination.organisation.models import Province

from .anomalies import Figures, Finding, PeerStats, YearToDate, findings_for, peer_stats
from .exceptions import NoCostData
from .models import CostImport, FacilityCost
from .quarters import Quarter
from .selectors import cost_import_current, thresholds_for

_FIELDS = (
    "id",
    "facility_id",
    "facility__level",
    "visits_outpatient",
    "visits_inpatient",
    "total_cost",
    "insurance_paid",
    "rejected_amount",
    "yearly_estimate",
)


@dataclass(frozen=True)
class Evaluation:
    facility_id: int
    cost_id: int
    previous_cost_id: int | None
    findings: list[Finding]


def province_quarter_evaluate(*, province: Province, period: Quarter) -> list[Evaluation]:
    """Every facility of the quarter's current import with the rules it breaks."""
    current_import = cost_import_current(province=province, period=period)
    if current_import is None:
        raise NoCostData(_("There is no cost data for this quarter yet."))
    current = _figures(current_import)
    previous_import = cost_import_current(province=province, period=period.same_quarter_last_year)
    previous = _figures(previous_import) if previous_import else {}
    to_date = _year_to_date(province, period)
    limits = thresholds_for(province)
    peers = _peer_stats(current)
    return [
        Evaluation(
            facility_id=facility_id,
            cost_id=cost_id,
            previous_cost_id=previous.get(facility_id, (None, None))[0],
            findings=findings_for(
                figures,
                previous=previous.get(facility_id, (None, None))[1],
                peers=peers.get(figures.level),
                to_date=to_date.get(facility_id, YearToDate(0, 0)),
                period=period,
                limits=limits[figures.level],
            ),
        )
        for facility_id, (cost_id, figures) in current.items()
    ]


def _figures(cost_import: CostImport) -> dict[int, tuple[int, Figures]]:
    rows = FacilityCost.objects.filter(cost_import=cost_import).values_list(*_FIELDS)
    return {
        facility_id: (cost_id, Figures(level, out + inp, total, paid, rejected, estimate))
        for cost_id, facility_id, level, out, inp, total, paid, rejected, estimate in rows
    }


def _year_to_date(province: Province, period: Quarter) -> dict[int, YearToDate]:
    imports = CostImport.objects.filter(
        province=province, year=period.year, quarter__lte=period.number, is_current=True
    ).values_list("id", flat=True)
    quarters = len(imports)
    paid: dict[int, int] = defaultdict(int)
    rows = FacilityCost.objects.filter(cost_import_id__in=list(imports)).values_list(
        "facility_id", "insurance_paid"
    )
    for facility_id, amount in rows:
        paid[facility_id] += amount
    return {facility_id: YearToDate(amount, quarters) for facility_id, amount in paid.items()}


def _peer_stats(current: dict[int, tuple[int, Figures]]) -> dict[str, PeerStats | None]:
    by_level: dict[str, list[float]] = defaultdict(list)
    for _cost_id, figures in current.values():
        if figures.cost_per_visit is not None:
            by_level[figures.level].append(figures.cost_per_visit)
    return {level: peer_stats(values) for level, values in by_level.items()}
