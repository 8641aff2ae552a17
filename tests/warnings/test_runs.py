"""A warning run through its machine: the flagged list, changes with reasons, review by someone
else, signature, numbered letters from the office's register, the facilities' responses."""

from typing import Any

import pytest

from django.utils import timezone

from coordination.organisation.models import Role
from tests.factories import MembershipFactory
from workflows.documents.models import RegisterCounter
from workflows.warnings import services
from workflows.warnings.exceptions import (
    NoCostData,
    NothingToWarn,
    ReasonRequired,
    RunChanged,
    RunExists,
    SelfApprovalForbidden,
    WarningActionRefused,
    WrongProvince,
    WrongRole,
    WrongState,
)
from workflows.warnings.models import (
    FacilityResponse,
    RenderStatus,
    WarningRun,
    WarningRunEvent,
    WarningRunState,
)
from workflows.warnings.quarters import Quarter

from .conftest import all_rows, cost_row, csv_bytes

Q4 = Quarter(2023, 4)


def _import(office: Any, period: Quarter, rows: list[list[str]]) -> None:
    services.cost_import_create(
        actor=office.verifier,
        province=office.province,
        period=period,
        content=csv_bytes(rows),
        source_name="q.csv",
    )


def flagged_quarter(office: Any) -> None:
    """2022Q4 all alike; in 2023Q4 49012 grew 15% and 49014 had 7% rejected."""
    _import(office, Q4.same_quarter_last_year, all_rows(estimate=10**11))
    rows = all_rows(estimate=10**11)
    rows[2] = cost_row("49012", total=2_300_000_000, estimate=10**11)
    rows[4] = cost_row("49014", rejected=140_000_000, estimate=10**11)
    _import(office, Q4, rows)


@pytest.fixture
def run(office: Any) -> WarningRun:
    flagged_quarter(office)
    return services.warning_run_create(actor=office.verifier, province=office.province, period=Q4)


def _step(run: WarningRun, verb: str, actor: Any, **extra: Any) -> WarningRun:
    service = getattr(services, f"warning_run_{verb}")
    return service(run=run, actor=actor, expected_revision=run.revision, **extra)


def _to_signature(run: WarningRun, office: Any) -> WarningRun:
    run = _step(run, "submit", office.verifier)
    return _step(run, "approve", office.head)


def test_a_run_lists_the_facilities_that_broke_a_rule(run: WarningRun, office: Any) -> None:
    items = {item.facility.code: item for item in run.items.all()}
    assert sorted(items) == ["49012", "49014"]
    assert [f["rule"] for f in items["49012"].findings] == ["growth"]
    assert "tăng 15,00%" in items["49012"].reasons[0]
    assert items["49012"].previous_cost.total_cost == 2_000_000_000
    assert (run.agency, run.unit, run.state) == (
        office.agency,
        office.verification,
        WarningRunState.PREPARING,
    )
    assert WarningRunEvent.objects.get(run=run).action == "create"


def test_a_quarter_has_one_run(run: WarningRun, office: Any) -> None:
    with pytest.raises(RunExists):
        services.warning_run_create(actor=office.verifier, province=office.province, period=Q4)
    assert WarningRun.objects.count() == 1


def test_a_quarter_without_data_has_no_run(office: Any) -> None:
    with pytest.raises(NoCostData):
        services.warning_run_create(actor=office.verifier, province=office.province, period=Q4)


def test_another_provinces_officer_cannot_start_or_change_a_run(
    run: WarningRun, office: Any
) -> None:
    with pytest.raises(WrongProvince):
        services.warning_run_create(
            actor=office.neighbour_verifier,
            province=office.province,
            period=Q4.same_quarter_last_year,
        )
    with pytest.raises(WrongProvince):
        _step(run, "submit", office.neighbour_verifier)


def test_the_officer_adds_and_removes_facilities_with_a_reason(
    run: WarningRun, office: Any
) -> None:
    facility = office.facilities["49015"]
    with pytest.raises(ReasonRequired):
        services.warning_run_add_facility(
            run=run, actor=office.verifier, facility=facility, reason=" ", expected_revision=1
        )
    added = services.warning_run_add_facility(
        run=run,
        actor=office.verifier,
        facility=facility,
        reason="Qua giám định trực tiếp phát hiện chỉ định xét nghiệm vượt mức cần thiết.",
        expected_revision=1,
    )
    assert added.was_added and added.reasons == [added.added_reason]
    removed = services.warning_run_remove_facility(
        run=run,
        actor=office.other_verifier,
        item=run.items.get(facility__code="49014"),
        reason="Cơ sở đã giải trình: chi phí tăng do tiếp nhận bệnh nhân chuyển tuyến.",
        expected_revision=2,
    )
    assert not removed.included
    run.refresh_from_db()
    assert (run.revision, run.last_edited_by) == (3, office.other_verifier)
    actions = list(run.events.values_list("action", "facility_code"))
    assert actions == [("create", ""), ("add", "49015"), ("remove", "49014")]


def test_a_stale_form_changes_nothing(run: WarningRun, office: Any) -> None:
    with pytest.raises(RunChanged):
        services.warning_run_submit(run=run, actor=office.verifier, expected_revision=7)
    run.refresh_from_db()
    assert run.state == WarningRunState.PREPARING


def test_the_preparer_cannot_approve_or_sign_their_own_run(run: WarningRun, office: Any) -> None:

    MembershipFactory(user=office.verifier, unit=office.verification, role=Role.UNIT_HEAD)
    run = _step(run, "submit", office.verifier)
    with pytest.raises(SelfApprovalForbidden):
        _step(run, "approve", office.verifier)
    run.refresh_from_db()
    assert run.state == WarningRunState.IN_REVIEW


@pytest.mark.parametrize(
    ("state", "verb", "who"),
    [
        (WarningRunState.PREPARING, "approve", "head"),
        (WarningRunState.PREPARING, "issue", "signer"),
        (WarningRunState.IN_REVIEW, "issue", "signer"),
        (WarningRunState.IN_REVIEW, "submit", "verifier"),
        (WarningRunState.AWAITING_SIGNATURE, "approve", "head"),
        (WarningRunState.ISSUED, "issue", "signer"),
        (WarningRunState.ISSUED, "submit", "verifier"),
    ],
)
def test_illegal_transitions_are_refused_and_change_nothing(
    run: WarningRun, office: Any, state: str, verb: str, who: str
) -> None:
    WarningRun.objects.filter(pk=run.pk).update(state=state)
    run.refresh_from_db()
    with pytest.raises(WrongState):
        _step(run, verb, getattr(office, who))
    run.refresh_from_db()
    assert run.state == state


@pytest.mark.parametrize(
    ("verb", "who"),
    [("submit", "head"), ("approve", "verifier"), ("issue", "head"), ("issue", "verifier")],
)
def test_each_step_needs_its_role(run: WarningRun, office: Any, verb: str, who: str) -> None:
    if verb == "approve":
        run = _step(run, "submit", office.verifier)
    if verb == "issue":
        run = _to_signature(run, office)
    state = run.state
    with pytest.raises(WarningActionRefused):
        _step(run, verb, getattr(office, who))
    run.refresh_from_db()
    assert run.state == state


def test_returning_needs_a_reason_and_goes_back_to_preparing(run: WarningRun, office: Any) -> None:
    run = _to_signature(run, office)
    with pytest.raises(ReasonRequired):
        _step(run, "return", office.signer, comment="")
    run = _step(run, "return", office.signer, comment="Bổ sung số liệu quý III.")
    assert run.state == WarningRunState.PREPARING
    assert run.events.last().comment == "Bổ sung số liệu quý III."


def test_an_empty_list_cannot_be_sent(run: WarningRun, office: Any) -> None:
    for revision, item in enumerate(run.items.all(), start=1):
        services.warning_run_remove_facility(
            run=run,
            actor=office.verifier,
            item=item,
            reason="Đã giải trình.",
            expected_revision=revision,
        )
    run.refresh_from_db()
    with pytest.raises(NothingToWarn):
        _step(run, "submit", office.verifier)


def test_issuing_numbers_each_letter_from_the_offices_register(
    run: WarningRun, office: Any
) -> None:
    year = timezone.localdate().year
    RegisterCounter.objects.create(agency=office.agency, year=year, last_number=11)
    run = _to_signature(run, office)
    run = _step(run, "issue", office.signer)
    assert run.state == WarningRunState.ISSUED
    numbers = list(run.items.order_by("facility__code").values_list("number_symbol", flat=True))
    assert numbers == ["12/BHXH-GĐBHYT", "13/BHXH-GĐBHYT"]
    assert (run.signer_name, run.signer_position, run.signer_authority) == (
        "Nguyễn Văn " + office.signer.first_name,
        "Phó Giám đốc",
        "KT. Giám đốc",
    )
    assert (run.reply_by - run.issued_on).days == 15
    assert RegisterCounter.objects.get(agency=office.agency, year=year).last_number == 13


def test_responses_are_recorded_after_issue(run: WarningRun, office: Any) -> None:
    item = run.items.get(facility__code="49012")
    with pytest.raises(WrongState):
        services.warning_item_record_response(
            item=item, actor=office.verifier, response=FacilityResponse.ACKNOWLEDGED
        )
    run = _step(_to_signature(run, office), "issue", office.signer)
    item.refresh_from_db()
    with pytest.raises(WrongRole):
        services.warning_item_record_response(
            item=item, actor=office.head, response=FacilityResponse.ACKNOWLEDGED
        )
    done = services.warning_item_record_response(
        item=item,
        actor=office.verifier,
        response=FacilityResponse.EXPLANATION_RECEIVED,
        note="Công văn giải trình số 45/TTYT ngày 02/02/2024.",
    )
    assert (done.response, done.response_by) == ("explanation_received", office.verifier)
    assert run.events.last().facility_code == "49012"


def test_a_failed_printing_is_recorded_and_can_be_done_again(
    run: WarningRun,
    office: Any,
    settings: Any,
    tmp_path: Any,
    django_capture_on_commit_callbacks: Any,
) -> None:
    """Without the office's certificate the letters cannot be signed: the run says so; once the
    certificate is back, the officer has them printed again with the same numbers."""
    keys = settings.SIGNING_KEYS_DIR
    settings.SIGNING_KEYS_DIR = tmp_path
    run = _to_signature(run, office)
    with django_capture_on_commit_callbacks(execute=True):
        run = _step(run, "issue", office.signer)
    run.refresh_from_db()
    assert run.render_status == RenderStatus.FAILED and "default.p12" in run.render_error
    settings.SIGNING_KEYS_DIR = keys
    with pytest.raises(WrongRole):
        services.warning_run_render_again(run=run, actor=office.head)
    with django_capture_on_commit_callbacks(execute=True):
        services.warning_run_render_again(run=run, actor=office.verifier)
    run.refresh_from_db()
    assert (run.render_status, run.letters_rendered, run.letters_total) == ("ready", 2, 2)
    assert sorted(run.items.values_list("number", flat=True)) == [1, 2]
    with pytest.raises(WrongState):
        services.warning_run_render_again(run=run, actor=office.verifier)
