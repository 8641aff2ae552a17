"""The issuing unit gives, changes, extends and cancels tasks; every refusal changes nothing."""

from datetime import timedelta
from typing import Any

import pytest

from coordination.organisation.models import Role
from tests.factories import DelegationFactory, MembershipFactory, UserFactory
from workflows.directives import services
from workflows.directives.exceptions import (
    InvalidTask,
    ReasonRequired,
    StaleForm,
    WrongState,
    WrongUnit,
)
from workflows.directives.models import DirectiveTask, TaskAssignment, TaskEvent, TaskState
from workflows.directives.services import Addressee
from workflows.documents.models import DocumentKind, DocumentState
from workflows.notifications.models import Notification

from .conftest import issued_directive, make_office
from .steps import TITLE, give, today


def test_the_issuing_unit_gives_a_numbered_task_to_three_provinces(
    issuer: Any, committed: Any
) -> None:
    with committed():
        task = give(issuer)
        second = give(issuer, title="Báo cáo kết quả thanh tra, kiểm tra")
    assert (task.number, second.number, task.state) == (1, 2, TaskState.OPEN)
    assert task.assignments.count() == 3
    event = TaskEvent.objects.get(task=task)
    assert (event.action, event.actor) == ("create", issuer.officer)
    heads = [office.head for office in issuer.offices.values()]
    told = Notification.objects.filter(
        link__contains="/directives/assigned/", message__contains=TITLE
    )
    assert {n.recipient for n in told} == set(heads), "each office's head hears of it"


def test_the_deputy_acting_for_an_office_head_hears_of_a_new_task(
    issuer: Any, committed: Any
) -> None:
    office = next(iter(issuer.offices.values()))
    deputy = UserFactory(username="deputy.head")
    DelegationFactory(membership=office.head.memberships.get(role=Role.UNIT_HEAD), deputy=deputy)
    with committed():
        give(issuer, office)
    told = Notification.objects.filter(message__contains=TITLE)
    assert {n.recipient for n in told} == {office.head, deputy}


def test_changing_a_task_records_what_changed(issuer: Any) -> None:
    task = give(issuer)
    later = task.due_on + timedelta(days=30)
    changed = services.task_update(
        task=task,
        actor=issuer.officer,
        expected_revision=task.revision,
        title=TITLE,
        details="Theo Thông tư 20/2022/TT-BYT.",
        due_on=later,
    )
    assert (changed.due_on, changed.revision) == (later, 2)
    event = TaskEvent.objects.filter(task=task, action="update").get()
    assert (
        task.due_on.strftime("%d/%m/%Y") in event.comment
        and later.strftime("%d/%m/%Y") in event.comment
    )


def test_a_stale_form_is_refused_and_says_what_changed(issuer: Any) -> None:
    task = give(issuer)
    seen = task.revision
    services.task_update(
        task=task,
        actor=issuer.officer,
        expected_revision=seen,
        title="Mới",
        details="",
        due_on=task.due_on,
    )
    with pytest.raises(StaleForm) as refusal:
        services.task_update(
            task=task,
            actor=issuer.officer,
            expected_revision=seen,
            title="Khác",
            details="",
            due_on=task.due_on,
        )
    assert len(refusal.value.changes) == 1
    assert DirectiveTask.objects.get(pk=task.pk).title == "Mới"


def test_addressees_are_added_once(org: Any, issuer: Any) -> None:
    task = give(issuer, issuer.offices["01"])
    danang = make_office(org, "48", "Đà Nẵng")
    added = services.task_add_addressees(
        task=task,
        actor=issuer.officer,
        expected_revision=task.revision,
        addressees=[Addressee(issuer.offices["01"].agency), Addressee(danang.agency)],
    )
    assert [a.agency for a in added] == [danang.agency]
    task.refresh_from_db()
    with pytest.raises(InvalidTask):
        services.task_add_addressees(
            task=task,
            actor=issuer.officer,
            expected_revision=task.revision,
            addressees=[Addressee(danang.agency)],
        )
    assert task.assignments.count() == 2


def test_a_central_unit_can_be_addressed(org: Any, issuer: Any) -> None:
    task = give(issuer, issuer.offices["01"])
    services.task_add_addressees(
        task=task,
        actor=issuer.officer,
        expected_revision=task.revision,
        addressees=[Addressee(org.vss, org.csyt)],
    )
    assignment = TaskAssignment.objects.get(task=task, unit=org.csyt)
    assert assignment.addressee_name == "Ban Thực hiện chính sách BHYT – BHXH"


def test_cancelling_needs_a_reason_and_tells_the_addressees(issuer: Any, committed: Any) -> None:
    task = give(issuer)
    with pytest.raises(ReasonRequired):
        services.task_cancel(task=task, actor=issuer.officer, expected_revision=1, comment=" ")
    with committed():
        services.task_cancel(task=task, actor=issuer.officer, expected_revision=1, comment="Trùng")
    task.refresh_from_db()
    assert task.state == TaskState.CANCELLED
    assert Notification.objects.filter(message__startswith="Nhiệm vụ đã hủy").count() == 3


def _refusals(org: Any, issuer: Any) -> dict[str, Any]:
    outsider = org.drafter
    late = today() - timedelta(days=1)
    draft = issued_directive(issuer.unit, state=DocumentState.AWAITING_SIGNATURE, number_symbol="")
    report_doc = issued_directive(issuer.unit, kind=DocumentKind.REPORT, number_symbol="9/BC-BYT")
    return {
        "someone of another unit": (WrongUnit, {"actor": outsider}),
        "a draft not issued": (WrongState, {"document": draft}),
        "a report gives no tasks": (WrongState, {"document": report_doc}),
        "no title": (ReasonRequired, {"title": "  "}),
        "due before start": (
            InvalidTask,
            {"starts_on": today(), "due_on": today() - timedelta(days=2)},
        ),
        "due date passed": (InvalidTask, {"starts_on": late - timedelta(days=9), "due_on": late}),
        "too many periods": (
            InvalidTask,
            {"frequency": "monthly", "due_on": today() + timedelta(days=3000)},
        ),
        "unknown frequency": (InvalidTask, {"frequency": "weekly"}),
    }


@pytest.mark.parametrize(
    "case",
    [
        "someone of another unit",
        "a draft not issued",
        "a report gives no tasks",
        "no title",
        "due before start",
        "due date passed",
        "too many periods",
        "unknown frequency",
    ],
)
def test_a_task_is_refused_and_nothing_is_stored(org: Any, issuer: Any, case: str) -> None:
    error, fields = _refusals(org, issuer)[case]
    with pytest.raises(error):
        give(issuer, **fields)
    assert not DirectiveTask.objects.exists() and not TaskEvent.objects.exists()


def test_no_addressee_or_the_issuing_unit_itself_is_refused(org: Any, issuer: Any) -> None:
    document = issuer.directive
    base = {
        "document": document,
        "actor": issuer.officer,
        "title": TITLE,
        "frequency": "once",
        "due_on": today() + timedelta(days=10),
    }
    with pytest.raises(InvalidTask):
        services.task_create(addressees=[], **base)
    with pytest.raises(InvalidTask):
        services.task_create(addressees=[Addressee(org.moh, issuer.unit)], **base)
    assert not TaskAssignment.objects.exists()


def test_a_colleague_of_the_issuing_unit_manages_but_a_provincial_head_does_not(
    issuer: Any,
) -> None:
    colleague = UserFactory(username="moh.kcb.head")
    MembershipFactory(user=colleague, unit=issuer.unit, role=Role.UNIT_HEAD)
    task = give(issuer, actor=colleague)
    with pytest.raises(WrongUnit):
        services.task_cancel(
            task=task, actor=issuer.offices["49"].head, expected_revision=task.revision, comment="x"
        )
    task.refresh_from_db()
    assert task.state == TaskState.OPEN


def test_a_cancelled_task_is_neither_changed_nor_cancelled_again(issuer: Any) -> None:
    task = give(issuer)
    services.task_cancel(task=task, actor=issuer.officer, expected_revision=1, comment="Trùng")
    task.refresh_from_db()
    with pytest.raises(WrongState):
        services.task_cancel(task=task, actor=issuer.officer, expected_revision=2, comment="x")
    with pytest.raises(WrongState):
        services.task_update(
            task=task,
            actor=issuer.officer,
            expected_revision=2,
            title="Mới",
            details="",
            due_on=task.due_on,
        )
    assert (DirectiveTask.objects.get().title, task.events.count()) == (TITLE, 2)
