"""Reading cost data and warning runs: what a person may see and do, and the figures the rules
need. Every list is scoped to the provinces whose Social Security office the person works in."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from coordination.organisation.models import (
    Agency,
    AgencyKind,
    Facility,
    FacilityLevel,
    Membership,
    Province,
    Role,
    Unit,
)
from coordination.organisation.selectors import memberships_of
from workflows.machines import AvailableAction
from workflows.permissions import allowed

from . import rules
from .anomalies import Thresholds, thresholds_merge
from .exceptions import WarningActionRefused
from .models import CostImport, WarningItem, WarningRun, WarningRunEvent, WarningRunState
from .models.thresholds import ThresholdSet
from .quarters import Quarter

_ACTIONS = (
    ("submit", WarningRunState.PREPARING, rules.check_submit, gettext_lazy("Send for review")),
    ("approve", WarningRunState.IN_REVIEW, rules.check_approve, gettext_lazy("Approve")),
    (
        "issue",
        WarningRunState.AWAITING_SIGNATURE,
        rules.check_issue,
        gettext_lazy("Sign and issue the letters"),
    ),
)
_RETURNABLE = (WarningRunState.IN_REVIEW, WarningRunState.AWAITING_SIGNATURE)


def province_office(province: Province) -> Agency | None:
    """The province's Social Security office, which imports, warns and signs."""
    return Agency.objects.filter(
        province=province, kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY, is_active=True
    ).first()


def verification_unit_of(*, user: Any, agency: Agency) -> Unit | None:
    membership = (
        memberships_of(user)
        .filter(unit__agency=agency, role=Role.VERIFICATION_OFFICER)
        .order_by("pk")
        .first()
    )
    return membership.unit if membership else None


def signer_membership(*, user: Any, agency: Agency) -> Membership | None:
    """The position the signer signs in for the agency."""
    return memberships_of(user).filter(unit__agency=agency, role=Role.SIGNER).order_by("pk").first()


def provinces_visible_to(user: Any) -> QuerySet[Province]:
    """Provinces whose Social Security office the person works in; all of them for a superuser."""
    if getattr(user, "is_superuser", False):
        return Province.objects.filter(is_active=True)
    ids = (
        memberships_of(user)
        .filter(unit__agency__kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY)
        .values_list("unit__agency__province_id", flat=True)
    )
    return Province.objects.filter(pk__in=list(ids))


def provinces_importable_by(user: Any) -> QuerySet[Province]:
    ids = (
        memberships_of(user)
        .filter(
            unit__agency__kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY,
            role=Role.VERIFICATION_OFFICER,
        )
        .values_list("unit__agency__province_id", flat=True)
    )
    return Province.objects.filter(pk__in=list(ids))


def cost_import_current(*, province: Province, period: Quarter) -> CostImport | None:
    return CostImport.objects.filter(
        province=province, year=period.year, quarter=period.number, is_current=True
    ).first()


def cost_imports_visible_to(user: Any) -> QuerySet[CostImport]:
    return CostImport.objects.filter(province__in=provinces_visible_to(user)).select_related(
        "province", "imported_by"
    )


def runs_visible_to(user: Any) -> QuerySet[WarningRun]:
    return WarningRun.objects.filter(province__in=provinces_visible_to(user)).select_related(
        "province", "agency", "unit", "cost_import"
    )


def run_items(run: WarningRun) -> QuerySet[WarningItem]:
    return run.items.select_related("facility", "cost", "previous_cost").order_by(
        "-included", "facility__code"
    )


def run_candidates(run: WarningRun) -> QuerySet[Facility]:
    """Facilities of the run's data that get no letter yet (never listed, or removed), for the
    officer to add or put back."""
    listed = run.items.filter(included=True).values_list("facility_id", flat=True)
    return (
        Facility.objects.filter(pk__in=run.cost_import.costs.values_list("facility_id"))
        .exclude(pk__in=listed)
        .order_by("code")
    )


def run_timeline(run: WarningRun) -> QuerySet[WarningRunEvent]:
    return run.events.select_related("actor").order_by("at", "pk")


def run_may_prepare(run: WarningRun, user: Any) -> bool:
    return run.state == WarningRunState.PREPARING and _allowed(rules.check_prepare, run, user)


def run_may_record_responses(run: WarningRun, user: Any) -> bool:
    return run.state == WarningRunState.ISSUED and _allowed(rules.check_record_response, run, user)


def run_actions_for(run: WarningRun, user: Any) -> list[AvailableAction]:
    actions = [
        AvailableAction(name, str(label))
        for name, state, check, label in _ACTIONS
        if run.state == state and _allowed(check, run, user)
    ]
    if run.state in _RETURNABLE and _allowed(rules.check_return, run, user):
        label = str(gettext_lazy("Return to the preparer"))
        actions.append(AvailableAction("return_to_preparer", label, True, is_primary=False))
    return actions


def thresholds_for(province: Province) -> dict[str, Thresholds]:
    """Each level's thresholds in the province: defaults, then every-province rows, then the
    province's own; within each, the every-level row before the level's row."""
    rows = list(ThresholdSet.objects.filter(province__isnull=True).values()) + list(
        ThresholdSet.objects.filter(province=province).values()
    )
    by_scope = {(row["province_id"], row["level"]): row for row in rows}
    return {
        level: thresholds_merge(
            [
                by_scope[scope]
                for scope in ((None, ""), (None, level), (province.pk, ""), (province.pk, level))
                if scope in by_scope
            ]
        )
        for level in FacilityLevel.values
    }


def _allowed(check: rules.Check, run: WarningRun, user: Any) -> bool:
    return allowed(check, run, user, refused=WarningActionRefused)
