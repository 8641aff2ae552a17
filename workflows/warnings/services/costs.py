"""Importing a quarter's cost data: read, check every row, then store it as a new version."""

import hashlib
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from coordination.organisation.models import Province, Role

from .. import rules
from ..costfile import cost_file_read
from ..exceptions import QuarterAlreadyImported, WrongProvince
from ..models import CostImport, FacilityCost
from ..quarters import Quarter
from ..selectors import province_office
from ..validation import CostRow, cost_rows_validate

BATCH_SIZE = 2000


def cost_import_create(
    *,
    actor: Any | None,
    province: Province,
    period: Quarter,
    content: bytes,
    source_name: str,
    replace: bool = False,
) -> CostImport:
    """Store the file's rows as the quarter's current data. Raises CostFileRejected with every
    problem, storing nothing; QuarterAlreadyImported unless ``replace``. The version replaced
    is kept. ``actor`` is None only for the command line, run by the operator."""
    if actor is not None:
        _check_may_import(province, actor)
    table = cost_file_read(content)
    rows = cost_rows_validate(table, province=province)
    with transaction.atomic():
        version = _next_version(province, period, replace)
        cost_import = CostImport.objects.create(
            province=province,
            year=period.year,
            quarter=period.number,
            version=version,
            source_name=source_name[:255],
            source_sha256=hashlib.sha256(content).hexdigest(),
            encoding=table.encoding,
            row_count=len(rows),
            imported_by=actor,
        )
        FacilityCost.objects.bulk_create(
            (_cost(cost_import, row) for row in rows), batch_size=BATCH_SIZE
        )
    return cost_import


def _check_may_import(province: Province, actor: Any) -> None:
    office = province_office(province)
    if office is None:
        raise WrongProvince(
            _("%(province)s has no Social Security office.") % {"province": province}
        )
    rules.check_agency_role(office, actor, Role.VERIFICATION_OFFICER)


def _next_version(province: Province, period: Quarter, replace: bool) -> int:
    """Imports of a province queue on its row; the current version stops being current if it
    may be replaced."""
    Province.objects.select_for_update().filter(pk=province.pk).first()
    imports = CostImport.objects.filter(province=province, year=period.year, quarter=period.number)
    current = imports.filter(is_current=True)
    if current.exists():
        if not replace:
            raise QuarterAlreadyImported(
                _(
                    "%(province)s already has data for %(quarter)s. Choose to replace it; the "
                    "current version will be kept."
                )
                % {"province": province.name, "quarter": period.roman}
            )
        current.update(is_current=False)
    return (imports.aggregate(last=Max("version"))["last"] or 0) + 1


def _cost(cost_import: CostImport, row: CostRow) -> FacilityCost:
    return FacilityCost(
        cost_import=cost_import,
        facility_id=row.facility_id,
        visits_outpatient=row.visits_outpatient,
        visits_inpatient=row.visits_inpatient,
        total_cost=row.total_cost,
        insurance_paid=row.insurance_paid,
        rejected_amount=row.rejected_amount,
        yearly_estimate=row.yearly_estimate,
    )
