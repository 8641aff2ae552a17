"""Warning runs: create from the rules, adjust the list, take it through review and signature,
issue numbered letters, record the facilities' responses.

Each verb checks the actor, then in one transaction locks the run, compares the revision the
actor saw, runs the django-fsm transition, saves and writes the audit row; rendering is
announced through the ``warning_run_issued`` hook after the commit."""

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks

from coordination.organisation.models import Facility, Province, Role
from coordination.organisation.names import person_name
from workflows.documents.numbering import register_next_number
from workflows.machines import Machine

from .. import rules
from ..evaluation import Evaluation, province_quarter_evaluate
from ..exceptions import (
    NoCostData,
    NothingToWarn,
    ReasonRequired,
    RunChanged,
    RunExists,
    WrongProvince,
    WrongRole,
    WrongState,
)
from ..models import (
    FacilityCost,
    FacilityResponse,
    RenderStatus,
    WarningItem,
    WarningRun,
    WarningRunState,
)
from ..quarters import Quarter
from ..selectors import (
    cost_import_current,
    province_office,
    signer_membership,
    verification_unit_of,
)

HOOK_WARNING_RUN_ISSUED = "warning_run_issued"
REPLY_DAYS = 15
RUNS = Machine(
    model=WarningRun,
    related=("agency", "unit", "province"),
    changed=RunChanged,
    changed_message=gettext_lazy(
        "This run changed since you opened it. Nothing was saved; reload to see it."
    ),
    changes_since=None,
    wrong_state=WrongState,
    wrong_state_message=gettext_lazy("This run is “%(state)s”; that action is not possible now."),
    unmet=lambda run: _nothing_to_warn(run),
)


def warning_run_create(*, actor: Any, province: Province, period: Quarter) -> WarningRun:
    """A verification officer starts the quarter's run: every facility that breaks a rule."""
    agency = province_office(province)
    if agency is None:
        raise WrongProvince(
            _("%(province)s has no Social Security office.") % {"province": province}
        )
    rules.check_agency_role(agency, actor, Role.VERIFICATION_OFFICER)
    unit = verification_unit_of(user=actor, agency=agency)
    cost_import = cost_import_current(province=province, period=period)
    if cost_import is None:
        raise NoCostData(_("There is no cost data for this quarter yet."))
    if WarningRun.objects.filter(province=province, **_period(period)).exists():
        raise RunExists(_("This quarter already has a warning run."))
    evaluations = province_quarter_evaluate(province=province, period=period)
    try:
        with transaction.atomic():
            run = WarningRun.objects.create(
                province=province,
                agency=agency,
                unit=unit,
                cost_import=cost_import,
                prepared_by=actor,
                last_edited_by=actor,
                **_period(period),
            )
            flagged = _flagged_items(run, evaluations)
            comment = _("%(count)s facilities flagged by the rules.") % {"count": len(flagged)}
            RUNS.record(run, actor=actor, action="create", source=run.state, comment=comment)
    except IntegrityError as error:
        raise RunExists(_("This quarter already has a warning run.")) from error
    return run


def _flagged_items(run: WarningRun, evaluations: list[Evaluation]) -> list[WarningItem]:
    flagged = [
        WarningItem(
            run=run,
            facility_id=e.facility_id,
            cost_id=e.cost_id,
            previous_cost_id=e.previous_cost_id,
            findings=[{"rule": f.rule, "text": f.text} for f in e.findings],
        )
        for e in evaluations
        if e.findings
    ]
    return WarningItem.objects.bulk_create(flagged, batch_size=1000)


def warning_run_add_facility(
    *, run: WarningRun, actor: Any, facility: Facility, reason: str, expected_revision: int
) -> WarningItem:
    """The officer adds a facility (or puts back a removed one); the reason is printed in its
    letter."""
    reason = _required(reason, _("Say why this facility gets a letter."))
    with transaction.atomic():
        locked = _lock_for_change(run, actor, expected_revision)
        item = locked.items.filter(facility=facility).first()
        if item is not None and item.included:
            raise WrongState(_("This facility is already on the list."))
        if item is None:
            item = _new_item(locked, facility, reason)
            action = "add"
        else:
            item.included, item.removed_reason = True, ""
            item.save(update_fields=["included", "removed_reason"])
            action = "restore"
        _touch(locked, actor)
        RUNS.record(
            locked,
            actor=actor,
            action=action,
            source=locked.state,
            comment=reason,
            facility_code=facility.code,
        )
    return item


def warning_run_remove_facility(
    *, run: WarningRun, actor: Any, item: WarningItem, reason: str, expected_revision: int
) -> WarningItem:
    reason = _required(reason, _("Say why this facility gets no letter."))
    with transaction.atomic():
        locked = _lock_for_change(run, actor, expected_revision)
        item = locked.items.select_for_update().get(pk=item.pk)
        if not item.included:
            raise WrongState(_("This facility is already off the list."))
        item.included, item.removed_reason = False, reason
        item.save(update_fields=["included", "removed_reason"])
        _touch(locked, actor)
        RUNS.record(
            locked,
            actor=actor,
            action="remove",
            source=locked.state,
            comment=reason,
            facility_code=item.facility.code,
        )
    return item


def warning_run_submit(
    *, run: WarningRun, actor: Any, expected_revision: int, comment: str = ""
) -> WarningRun:
    return _transition(run, actor, expected_revision, "submit", rules.check_submit, comment)


def warning_run_approve(
    *, run: WarningRun, actor: Any, expected_revision: int, comment: str = ""
) -> WarningRun:
    return _transition(run, actor, expected_revision, "approve", rules.check_approve, comment)


def warning_run_return(
    *, run: WarningRun, actor: Any, expected_revision: int, comment: str
) -> WarningRun:
    comment = _required(comment, _("Say why the run goes back to the preparer."))
    return _transition(
        run, actor, expected_revision, "return_to_preparer", rules.check_return, comment
    )


def warning_run_issue(
    *, run: WarningRun, actor: Any, expected_revision: int, comment: str = ""
) -> WarningRun:
    """The signer signs; each letter takes the next number of the office's register, in the
    order of facility codes, and the worker is asked to render them."""
    issued = _transition(
        run, actor, expected_revision, "issue", rules.check_issue, comment, _sign_and_number
    )
    transaction.on_commit(lambda: _announce(HOOK_WARNING_RUN_ISSUED, issued.pk))
    return issued


def warning_run_render_again(*, run: WarningRun, actor: Any) -> WarningRun:
    """After a failed rendering (a missing certificate, a full disk), the officer asks the
    worker to print the issued letters again; their numbers and dates do not change."""
    rules.check_record_response(run, actor)
    with transaction.atomic():
        locked = WarningRun.objects.select_for_update().get(pk=run.pk)
        if locked.state != WarningRunState.ISSUED or locked.render_status != RenderStatus.FAILED:
            raise WrongState(_("Only letters whose printing failed are printed again."))
        locked.render_status, locked.render_error = RenderStatus.PENDING, ""
        locked.save(update_fields=["render_status", "render_error", "updated_at"])
        RUNS.record(locked, actor=actor, action="render_again", source=locked.state)
    transaction.on_commit(lambda: _announce(HOOK_WARNING_RUN_ISSUED, locked.pk))
    return locked


def warning_item_record_response(
    *, item: WarningItem, actor: Any, response: str, note: str = ""
) -> WarningItem:
    """The officer writes down what the facility did: acknowledged, explained, resolved."""
    run = item.run
    rules.check_record_response(run, actor)
    if run.state != WarningRunState.ISSUED:
        raise WrongState(_("Responses are recorded once the letters are issued."))
    choice = FacilityResponse(response)
    with transaction.atomic():
        locked = WarningItem.objects.select_for_update().get(pk=item.pk, included=True)
        locked.response, locked.response_note = choice, note.strip()
        locked.response_at, locked.response_by = timezone.now(), actor
        locked.save(update_fields=["response", "response_note", "response_at", "response_by"])
        comment = f"{choice.label}: {note.strip()}".rstrip(": ")
        RUNS.record(
            run,
            actor=actor,
            action="response",
            source=run.state,
            comment=comment,
            facility_code=locked.facility.code,
        )
    return locked


def _period(period: Quarter) -> dict[str, int]:
    return {"year": period.year, "quarter": period.number}


def _required(text: str, message: str) -> str:
    if not text.strip():
        raise ReasonRequired(message)
    return text.strip()


def _new_item(run: WarningRun, facility: Facility, reason: str) -> WarningItem:
    cost = FacilityCost.objects.filter(cost_import=run.cost_import, facility=facility).first()
    if cost is None:
        raise NothingToWarn(_("This facility has no figures in the quarter's data."))
    previous = FacilityCost.objects.filter(
        cost_import__province=run.province,
        cost_import__year=run.year - 1,
        cost_import__quarter=run.quarter,
        cost_import__is_current=True,
        facility=facility,
    ).first()
    return WarningItem.objects.create(
        run=run, facility=facility, cost=cost, previous_cost=previous, added_reason=reason
    )


def _lock_for_change(run: WarningRun, actor: Any, expected_revision: int) -> WarningRun:
    rules.check_prepare(run, actor)
    locked = RUNS.lock(run, expected_revision)
    if locked.state != WarningRunState.PREPARING:
        raise WrongState(_("The list can only be changed while the run is being prepared."))
    return locked


def _touch(run: WarningRun, actor: Any) -> None:
    run.last_edited_by = actor
    run.revision += 1
    run.save(update_fields=["last_edited_by", "revision", "updated_at"])


def _transition(
    run: WarningRun,
    actor: Any,
    expected_revision: int,
    name: str,
    check: rules.Check,
    comment: str,
    fill: Callable[[WarningRun, Any], None] | None = None,
) -> WarningRun:
    RUNS.check_step(run, name, actor=actor, expected_revision=expected_revision, check=check)
    with transaction.atomic():
        locked = RUNS.lock_for_step(
            run, name, actor=actor, expected_revision=expected_revision, check=check
        )
        source = locked.state
        getattr(locked, name)()
        if fill is not None:
            fill(locked, actor)
        locked.revision += 1
        locked.save()
        RUNS.record(locked, actor=actor, action=name, source=source, comment=comment)
    return locked


def _nothing_to_warn(run: WarningRun) -> NothingToWarn:
    """Why the run cannot go on: no facility is on its list."""
    return NothingToWarn(_("No facility is on the list: there is no letter to send."))


def _sign_and_number(run: WarningRun, actor: Any) -> None:
    membership = signer_membership(user=actor, agency=run.agency)
    if membership is None:
        raise WrongRole(_("Only a signer of %(agency)s may sign.") % {"agency": run.agency.name})
    today = timezone.localdate()
    run.signer, run.signer_name = actor, person_name(actor)
    run.signer_position = membership.position
    run.signer_authority = (
        f"{membership.authority} {membership.principal_position}".strip()
        if membership.authority
        else ""
    )
    run.issued_on, run.reply_by = today, today + timedelta(days=REPLY_DAYS)
    items = list(run.items.filter(included=True).order_by("facility__code"))
    for item in items:
        item.number = register_next_number(agency=run.agency, year=today.year)
        item.number_symbol = letter_number_symbol(number=item.number, run=run)
    WarningItem.objects.bulk_update(items, ["number", "number_symbol"], batch_size=1000)
    run.letters_total, run.letters_rendered = len(items), 0
    run.render_status = RenderStatus.PENDING


def letter_number_symbol(*, number: int, run: WarningRun) -> str:
    """An official letter's number has no type abbreviation (Decree 30): '12/BHXH-GĐBHYT'."""
    return f"{number:02d}/{run.agency.symbol}-{run.unit.symbol}"


def _announce(hook_name: str, run_pk: int) -> None:
    for fn in hooks.get_hooks(hook_name):
        fn(run_pk)
