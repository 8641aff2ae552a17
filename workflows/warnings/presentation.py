"""A run's letters as the staff screen shows them: figures formatted the Vietnamese way."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from .models import FacilityCost, WarningItem
from .numerals import vn_int, vn_percent, vn_signed_percent

NONE = "—"
RULE_LABELS = {
    "growth": _("Growth on last year"),
    "peer_cost": _("Cost per visit above peers"),
    "estimate": _("Over the pro-rata estimate"),
    "rejected": _("High rejected share"),
}


@dataclass(frozen=True)
class ItemRow:
    item: WarningItem
    total_cost: str
    growth: str
    cost_per_visit: str
    rejected_share: str
    rules: list[str]


def item_rows(items: Iterable[WarningItem]) -> list[ItemRow]:
    return [_row(item) for item in items]


def _row(item: WarningItem) -> ItemRow:
    cost, previous = item.cost, item.previous_cost
    return ItemRow(
        item=item,
        total_cost=vn_int(cost.total_cost),
        growth=_growth(cost, previous),
        cost_per_visit=vn_int(cost.total_cost / cost.visits) if cost.visits else NONE,
        rejected_share=vn_percent(cost.rejected_amount / cost.total_cost)
        if cost.total_cost
        else NONE,
        rules=[str(RULE_LABELS.get(f["rule"], f["rule"])) for f in item.findings],
    )


def _growth(cost: FacilityCost, previous: FacilityCost | None) -> str:
    if previous is None or not previous.total_cost:
        return NONE
    return vn_signed_percent(cost.total_cost / previous.total_cost - 1)
