"""Where an addressee sits in the matrix and the review's annex: one row per province (its
Social Security office and its Department of Health side by side in the same cell), then one
row per central agency or unit."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from coordination.organisation.models import AgencyKind

from .models import TaskAssignment
from .regions import region_of

KIND_ORDER = {kind.value: index for index, kind in enumerate(AgencyKind)}


@dataclass(frozen=True)
class Place:
    key: str
    label: str
    detail: str
    province_code: str
    region: str

    @property
    def order(self) -> tuple[int, str, str]:
        return (1 if self.province_code else 0, self.province_code, self.label)


def place_of(assignment: TaskAssignment) -> Place:
    agency, province = assignment.agency, assignment.agency.province
    if province is None:
        label = assignment.unit.name if assignment.unit_id else agency.name
        key = f"agency-{agency.pk}-unit-{assignment.unit_id or 0}"
        return Place(key, label, agency.name if assignment.unit_id else "", "", "")
    found = region_of(province.code)
    return Place(
        f"province-{province.code}", province.name, "", province.code, found.label if found else ""
    )


def kind_label(assignment: TaskAssignment) -> str:
    """Which of a province's agencies an entry is about, in a word or two."""
    labels = {
        AgencyKind.PROVINCIAL_SOCIAL_SECURITY: _("Social Security"),
        AgencyKind.PROVINCIAL_HEALTH: _("Department of Health"),
        AgencyKind.PEOPLES_COMMITTEE: _("People's Committee"),
    }
    return str(labels.get(assignment.agency.kind, ""))


def entry_order(assignment: TaskAssignment) -> int:
    return KIND_ORDER.get(assignment.agency.kind, 0)
