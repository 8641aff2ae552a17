"""The figures of the summary report and the dashboard, read once into plain data: coverage
against target, visits and spending by quarter with growth, rejected payments, warning runs and
their outcomes, and the state of the drafting work."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.db.models import Count, Q, Sum
from django.utils import timezone

from coordination.organisation.models import CoverageFigure, Province
from workflows.documents.models import Document, DocumentEvent, DocumentState
from workflows.documents.models.states import ACTIVE_STATES
from workflows.warnings.models import FacilityCost, WarningRun
from workflows.warnings.models.items import FacilityResponse


@dataclass(frozen=True)
class CoverageRow:
    place: str
    year: int
    participants: int | None
    coverage_percent: Decimal | None
    plan_percent: Decimal | None
    target_percent: Decimal | None


@dataclass(frozen=True)
class QuarterRow:
    label: str
    visits: int
    total_cost: int
    rejected: int
    visits_growth: Decimal | None
    cost_growth: Decimal | None

    @property
    def cost_millions(self) -> int:
        return round(self.total_cost / 1_000_000)

    @property
    def rejected_millions(self) -> int:
        return round(self.rejected / 1_000_000)


@dataclass(frozen=True)
class RunRow:
    label: str
    state: str
    flagged: int
    letters: int
    answered: int
    resolved: int


@dataclass(frozen=True)
class StepRow:
    label: str
    documents: int
    overdue: int
    mean_days: Decimal | None


@dataclass(frozen=True)
class SummaryFigures:
    province: str
    coverage: tuple[CoverageRow, ...]
    quarters: tuple[QuarterRow, ...]
    runs: tuple[RunRow, ...]
    steps: tuple[StepRow, ...]
    issued_this_year: int


def summary_figures(*, province: Province | None) -> SummaryFigures:
    return SummaryFigures(
        province=province.name if province else "",
        coverage=coverage_rows(),
        quarters=quarter_rows(province=province) if province else (),
        runs=run_rows(province=province),
        steps=step_rows(),
        issued_this_year=Document.objects.filter(
            state=DocumentState.ISSUED, issued_on__year=timezone.localdate().year
        ).count(),
    )


def coverage_rows() -> tuple[CoverageRow, ...]:
    figures = CoverageFigure.objects.select_related("province").order_by("province__name", "year")
    return tuple(
        CoverageRow(
            place=f.province.name if f.province else "Toàn quốc",
            year=f.year,
            participants=f.participants,
            coverage_percent=f.coverage_percent,
            plan_percent=f.plan_percent,
            target_percent=f.target_percent,
        )
        for f in figures
    )


def quarter_rows(*, province: Province) -> tuple[QuarterRow, ...]:
    """The province's current import of each quarter, summed over its facilities."""
    sums = (
        FacilityCost.objects.filter(cost_import__province=province, cost_import__is_current=True)
        .values("cost_import__year", "cost_import__quarter")
        .annotate(
            outpatient=Sum("visits_outpatient"),
            inpatient=Sum("visits_inpatient"),
            cost=Sum("total_cost"),
            rejected=Sum("rejected_amount"),
        )
        .order_by("cost_import__year", "cost_import__quarter")
    )
    by_period = {(s["cost_import__year"], s["cost_import__quarter"]): s for s in sums}
    rows = []
    for (year, quarter), s in by_period.items():
        visits = (s["outpatient"] or 0) + (s["inpatient"] or 0)
        before = by_period.get((year - 1, quarter))
        before_visits = (before["outpatient"] or 0) + (before["inpatient"] or 0) if before else 0
        rows.append(
            QuarterRow(
                label=f"Q{quarter}/{year}",
                visits=visits,
                total_cost=s["cost"] or 0,
                rejected=s["rejected"] or 0,
                visits_growth=_growth(visits, before_visits),
                cost_growth=_growth(s["cost"] or 0, before["cost"] if before else 0),
            )
        )
    return tuple(rows)


def _growth(now: int, before: int) -> Decimal | None:
    if not before:
        return None
    return (Decimal(now - before) * 100 / Decimal(before)).quantize(Decimal("0.01"))


def run_rows(*, province: Province | None) -> tuple[RunRow, ...]:
    runs = WarningRun.objects.select_related("province")
    if province is not None:
        runs = runs.filter(province=province)
    runs = runs.annotate(
        flagged=Count("items"),
        letters=Count("items", filter=Q(items__included=True)),
        answered=Count("items", filter=Q(items__included=True) & ~Q(items__response="")),
        resolved=Count("items", filter=Q(items__response=FacilityResponse.RESOLVED)),
    ).order_by("-year", "-quarter", "province__name")[:12]
    return tuple(
        RunRow(
            label=f"{run.province.name} – Q{run.quarter}/{run.year}",
            state=run.get_state_display(),
            flagged=run.flagged,
            letters=run.letters,
            answered=run.answered,
            resolved=run.resolved,
        )
        for run in runs
    )


def step_rows() -> tuple[StepRow, ...]:
    """Documents in each open step, how many are overdue, and the mean days a step took over the
    last year (from the audit trail)."""
    today = timezone.localdate()
    counts = Document.objects.filter(state__in=ACTIVE_STATES).aggregate(
        **{f"n_{s}": Count("pk", filter=Q(state=s)) for s in ACTIVE_STATES},
        **{
            f"late_{s}": Count("pk", filter=Q(state=s, step_due_on__lt=today))
            for s in ACTIVE_STATES
        },
    )
    durations = _mean_days_per_step(since=timezone.now() - timedelta(days=365))
    return tuple(
        StepRow(
            label=str(DocumentState(s).label),
            documents=counts[f"n_{s}"],
            overdue=counts[f"late_{s}"],
            mean_days=durations.get(s),
        )
        for s in ACTIVE_STATES
    )


def _mean_days_per_step(*, since: object) -> dict[str, Decimal]:
    """Time from entering a state to leaving it, averaged per state, from the audit rows."""
    events = (
        DocumentEvent.objects.filter(at__gte=since)
        .values_list("document_id", "source_state", "target_state", "at")
        .order_by("document_id", "at", "pk")
    )
    entered: dict[tuple[int, str], object] = {}
    spans: dict[str, list[float]] = defaultdict(list)
    for document_id, source, target, at in events:
        if source == target:  # created, edited, taken: the step goes on
            entered.setdefault((document_id, target), at)
            continue
        start = entered.pop((document_id, source), None)
        if start is not None:
            spans[source].append((at - start).total_seconds() / 86400)
        entered[(document_id, target)] = at
    return {
        state: Decimal(sum(days) / len(days)).quantize(Decimal("0.1"))
        for state, days in spans.items()
    }
