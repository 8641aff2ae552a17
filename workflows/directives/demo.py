"""The demo's follow-up of Directive 25/CT-BYT: the MoH's Medical Services Administration gives
the provinces quarterly tasks; Quảng Nam and a few others have reported, some are late. Dates
follow today, so the picture stays the same whenever the demo is loaded. Running it twice
changes nothing."""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from coordination.demo import STAFF_GROUP
from coordination.organisation.models import Agency, AgencyKind, Membership, Role, Unit
from workflows.documents.models import Document

from . import services
from .models import DirectiveTask, TaskAssignment
from .services import Addressee

DIRECTIVE = "25/CT-BYT"
REVIEW_TITLE = (
    "Rà soát, đối chiếu danh mục thuốc thanh toán bảo hiểm y tế tại các cơ sở khám bệnh, chữa bệnh"
)
REVIEW_DETAILS = (
    "Rà soát danh mục thuốc sử dụng tại các cơ sở khám bệnh, chữa bệnh có hợp đồng khám bệnh, "
    "chữa bệnh bảo hiểm y tế trên địa bàn; đối chiếu với danh mục thuốc thuộc phạm vi thanh "
    "toán của quỹ bảo hiểm y tế; báo cáo số cơ sở đã rà soát và những vướng mắc phát sinh."
)
QUALITY_TITLE = (
    "Chỉ đạo các cơ sở khám bệnh, chữa bệnh trên địa bàn nâng cao chất lượng khám bệnh, chữa "
    "bệnh bảo hiểm y tế, bảo đảm quyền lợi của người tham gia bảo hiểm y tế"
)
DATA_TITLE = (
    "Cung cấp kết quả giám định chi phí khám bệnh, chữa bệnh bảo hiểm y tế của các tỉnh có chi "
    "phí tăng bất thường"
)


@dataclass(frozen=True)
class Reporter:
    """A provincial office that reports on the review task: the quarters it reported (the
    facilities reviewed by then) and whether its last report says the task is done."""

    province: str
    quarters: tuple[int, ...]
    done: bool = False
    username: str = ""
    name: tuple[str, str] = ("", "")


REPORTERS = (
    Reporter("49", (20, 45, 65), username="qnam.verifier"),
    Reporter("40", (60, 110), username="nghean.verifier"),
    Reporter("01", (150, 290, 410), name=("Hà Văn", "B")),
    Reporter("48", (30, 52), done=True, name=("Lưu Thị", "C")),
    Reporter("79", (170, 330, 480), name=("Trương Văn", "D")),
    Reporter("31", (40,), name=("Phùng Thị", "E")),
    Reporter("38", (55, 120, 180), name=("Doãn Văn", "G")),
    Reporter("92", (25, 40, 58), done=True, name=("Viên Thị", "H")),
    Reporter("66", (35, 70, 96), name=("Mạc Văn", "K")),
    Reporter("56", (30, 62), name=("Giáp Thị", "L")),
)


def directives_demo_load() -> str:
    directive = Document.objects.filter(number_symbol=DIRECTIVE).first()
    if directive is None:
        return "Directive follow-up: 25/CT-BYT is missing; nothing loaded."
    if DirectiveTask.objects.filter(document=directive, title=REVIEW_TITLE).exists():
        return "Directive follow-up: 25/CT-BYT's tasks are already loaded."
    actor = get_user_model().objects.get(username="moh.kcb")
    today = timezone.localdate()
    with transaction.atomic():
        review = _give_review(directive, actor, today)
        _give_others(directive, actor, today)
        reported = sum(_report(review, reporter) for reporter in REPORTERS)
    late = TaskAssignment.objects.get(task=review, agency__code="bhxh-40")
    services.assignment_remind(assignment=late, actor=actor)
    return (
        f"Directive follow-up: 25/CT-BYT gives 3 tasks to the 63 provinces and VSS; "
        f"{reported} progress reports; log in as moh.kcb to follow them, qnam.verifier to report."
    )


def _give_review(directive: Document, actor: Any, today: date) -> DirectiveTask:
    offices = Agency.objects.filter(kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY, is_active=True)
    return services.task_create(
        document=directive,
        actor=actor,
        title=REVIEW_TITLE,
        details=REVIEW_DETAILS,
        starts_on=quarter_start(today, back=3),
        due_on=quarter_start(today, back=-1) - timedelta(days=1),
        frequency="quarterly",
        measure_label="Số cơ sở đã rà soát",
        measure_unit="cơ sở",
        addressees=[Addressee(office) for office in offices.order_by("province__code")],
    )


def _give_others(directive: Document, actor: Any, today: date) -> None:
    health = Agency.objects.filter(kind=AgencyKind.PROVINCIAL_HEALTH, is_active=True)
    services.task_create(
        document=directive,
        actor=actor,
        title=QUALITY_TITLE,
        starts_on=quarter_start(today, back=0),
        due_on=date(today.year + 1, 12, 31),
        frequency="half_yearly",
        addressees=[Addressee(department) for department in health.order_by("province__code")],
    )
    verification = Unit.objects.get(agency__code="vss", symbol="GĐĐT")
    services.task_create(
        document=directive,
        actor=actor,
        title=DATA_TITLE,
        starts_on=quarter_start(today, back=1),
        due_on=quarter_start(today, back=-2) - timedelta(days=1),
        frequency="once",
        addressees=[Addressee(verification.agency, verification)],
    )


def _report(task: DirectiveTask, reporter: Reporter) -> int:
    assignment = TaskAssignment.objects.select_related("task__document", "agency", "unit").get(
        task=task, agency__code=f"bhxh-{reporter.province}"
    )
    author = _reporter_person(reporter, assignment.agency)
    for number, reviewed in enumerate(reporter.quarters, start=1):
        last = number == len(reporter.quarters)
        assignment = services.report_submit(
            assignment=assignment,
            actor=author,
            expected_revision=assignment.revision,
            period=number,
            text=_text(reviewed, last and reporter.done),
            percent_done=None if last and reporter.done else min(95, 30 * number),
            quantity=Decimal(reviewed),
            marks_done=last and reporter.done,
        ).assignment
    return len(reporter.quarters)


def _text(reviewed: int, done: bool) -> str:
    outcome = (
        "Đã hoàn thành rà soát toàn bộ danh mục thuốc; không phát sinh vướng mắc."
        if done
        else "Tiếp tục rà soát các cơ sở còn lại; phối hợp với Sở Y tế xử lý vướng mắc phát sinh."
    )
    return (
        f"Đã rà soát, đối chiếu danh mục thuốc tại {reviewed} cơ sở khám bệnh, chữa bệnh. {outcome}"
    )


def _reporter_person(reporter: Reporter, agency: Agency) -> Any:
    """The demo's own officer where the office has none among the demo's people."""
    people = get_user_model().objects
    if reporter.username:
        return people.get(username=reporter.username)
    family, given = reporter.name
    person, created = people.get_or_create(
        username=f"{agency.code}.officer",
        defaults={"last_name": family, "first_name": given, "email": f"{agency.code}@demo.invalid"},
    )
    if created:
        person.set_unusable_password()
        person.save(update_fields=["password"])
        person.groups.add(Group.objects.get(name=STAFF_GROUP))
    unit = Unit.objects.get(agency=agency, symbol="GĐBHYT")
    Membership.objects.get_or_create(user=person, unit=unit, role=Role.VERIFICATION_OFFICER)
    return person


def quarter_start(day: date, *, back: int) -> date:
    """The first day of the quarter ``back`` quarters before ``day``'s (after it if negative)."""
    index = day.year * 4 + (day.month - 1) // 3 - back
    return date(index // 4, index % 4 * 3 + 1, 1)
