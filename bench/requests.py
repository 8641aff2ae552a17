"""Speed of the coordination requests' queue and of a directive's follow-up matrix (a benchmark,
not a test).

Loads the real organisation and 5,000 coordination requests across the central units and the 63
provincial offices (a third of them to one busy unit) into a fresh database, and a directive
whose tasks go to every province (its 63 Social Security offices and 63 Departments of Health)
with their progress reports; then prints the median and p95 time of the busy unit's queue page
and of the matrix with Django's test client, and the SQL queries each page runs at a tenth of the
data and at all of it, so a count that grows with the data shows. Targets on a 2-core machine:
queue p95 <= 150 ms, matrix p95 <= 200 ms, queries per page the same at both sizes.

    .venv/bin/python bench/requests.py [--quick] [--database-url postgres://…/benchrequests]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

# Run as a script, this folder would come first on the path and this file would pass for the
# ``requests`` library; the repository takes its place.
sys.path[0] = str(Path(__file__).resolve().parent.parent)


def _configure() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="1,000 requests, fewer rounds")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="bench-requests-")
    os.environ["VAR_DIR"] = folder
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "coordination.settings.dev"
    os.environ["DEBUG"] = "0"
    # The test client's host; the test environment's template instrumentation is left out so
    # that pages are timed as they are served.
    os.environ["ALLOWED_HOSTS"] = "testserver"
    return args


ARGS = _configure()

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, Permission  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from coordination.organisation.loading import organisation_load  # noqa: E402
from coordination.organisation.models import (  # noqa: E402
    Agency,
    AgencyKind,
    Membership,
    Person,
    Province,
    Role,
    Unit,
)
from workflows.directives import services as directives  # noqa: E402
from workflows.directives.models import DirectiveTask, ProgressReport  # noqa: E402
from workflows.directives.selectors import task_periods  # noqa: E402
from workflows.documents.models import Document, DocumentKind, DocumentState  # noqa: E402
from workflows.requests.models import CoordinationRequest, RequestEvent, RequestState  # noqa: E402

BUSY_UNIT = ("moh", "BH")
STATES = list(RequestState)


def _people() -> dict[int, list[Person]]:
    """A head and two officers in every central unit and every provincial office's
    verification department."""
    staff, _created = Group.objects.get_or_create(name="Staff")
    staff.permissions.add(Permission.objects.get(codename="access_admin"))
    units = Unit.objects.filter(agency__kind=AgencyKind.CENTRAL) | Unit.objects.filter(
        agency__kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY, symbol="GĐBHYT"
    )
    people: dict[int, list[Person]] = {}
    for unit in units.order_by("pk"):
        for n, role in enumerate((Role.UNIT_HEAD, Role.REVIEWER, Role.DRAFTER)):
            person = Person.objects.create(
                username=f"u{unit.pk}.{n}", last_name="Nguyễn Văn", first_name=f"{unit.pk}{n}"
            )
            Membership.objects.create(user=person, unit=unit, role=role, position="Chuyên viên")
            person.groups.add(staff)
            people.setdefault(unit.pk, []).append(person)
    return people


def _requests(count: int, people: dict[int, list[Person]], rng: random.Random) -> None:
    """Requests from the provinces, a third of them to the busy unit, in every state, each
    with its first audit row."""
    units = {unit.pk: unit for unit in Unit.objects.filter(pk__in=people)}
    busy = Unit.objects.get(agency__code=BUSY_UNIT[0], symbol=BUSY_UNIT[1])
    central = [u for u in units.values() if u.agency.kind == AgencyKind.CENTRAL]
    provincial = [u for u in units.values() if u.agency.kind != AgencyKind.CENTRAL]
    today = timezone.localdate()
    rows = []
    for n in range(count):
        source = rng.choice(provincial)
        target = busy if n % 3 == 0 else rng.choice(central)
        state = rng.choice(STATES)
        assigned = state != RequestState.SUBMITTED
        rows.append(
            CoordinationRequest(
                subject=f"Yêu cầu số {n}: hướng dẫn thanh toán chi phí khám bệnh, chữa bệnh",
                description="Đề nghị hướng dẫn áp dụng quy định tại khoản 6 Điều 22.",
                due_on=today + timedelta(days=rng.randint(-10, 15)),
                requester=people[source.pk][2],
                requester_unit=source,
                unit=target,
                assignee=rng.choice(people[target.pk][1:]) if assigned else None,
                state=state,
            )
        )
    created = CoordinationRequest.objects.bulk_create(rows, batch_size=1000)
    events = [
        RequestEvent(
            request=item,
            action="create",
            source_state=RequestState.SUBMITTED,
            target_state=item.state,
            unit=item.unit,
            actor=item.requester,
            revision=1,
        )
        for item in created
    ]
    RequestEvent.objects.bulk_create(events, batch_size=1000)


def _directive(number: int, provinces: int, people: dict[int, list[Person]]) -> Document:
    """An issued MoH directive whose three tasks go to the first ``provinces`` provinces, with
    the reports of most of them for the quarters and months already past."""
    unit = Unit.objects.get(agency__code="moh", symbol="KCB")
    officer = Person.objects.create(username=f"kcb{number}", last_name="Trần Thị", first_name="K")
    Membership.objects.create(user=officer, unit=unit, role=Role.UNIT_HEAD)
    officer.groups.add(Group.objects.get(name="Staff"))
    document = Document.objects.create(
        kind=DocumentKind.DIRECTIVE,
        subject=f"Chỉ thị số {number} về tăng cường quản lý quỹ bảo hiểm y tế",
        unit=unit,
        agency=unit.agency,
        state=DocumentState.ISSUED,
        number_symbol=f"{number}/CT-BYT",
        issued_on=date(2020, 12, 21),
        created_by=officer,
        last_edited_by=officer,
    )
    today = timezone.localdate()
    codes = list(Province.objects.order_by("code").values_list("code", flat=True)[:provinces])
    offices = Agency.objects.filter(
        kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY, province__code__in=codes
    )
    health = Agency.objects.filter(kind=AgencyKind.PROVINCIAL_HEALTH, province__code__in=codes)
    start = today - timedelta(days=270)
    for title, frequency, addressed in (
        ("Rà soát, đối chiếu danh mục thuốc thanh toán bảo hiểm y tế", "quarterly", offices),
        ("Báo cáo tình hình chi khám bệnh, chữa bệnh bảo hiểm y tế", "monthly", offices),
        ("Chỉ đạo nâng cao chất lượng khám bệnh, chữa bệnh", "half_yearly", health),
    ):
        task = directives.task_create(
            document=document,
            actor=officer,
            title=title,
            frequency=frequency,
            starts_on=start,
            due_on=today + timedelta(days=200),
            measure_label="Số cơ sở đã rà soát",
            measure_unit="cơ sở",
            addressees=[directives.Addressee(agency) for agency in addressed],
        )
        _reports(task, people)
    return document


def _reports(task: DirectiveTask, people: dict[int, list[Person]]) -> None:
    """Four addressees in five report every past period; the fifth is late."""
    authors = {
        unit.agency_id: people[unit.pk][1]
        for unit in Unit.objects.filter(
            pk__in=people, agency__kind=AgencyKind.PROVINCIAL_SOCIAL_SECURITY
        )
    }
    past = [p.number for p in task_periods(task) if p.due_on < timezone.localdate()]
    rows = [
        ProgressReport(
            assignment=assignment,
            period=period,
            text="Đã rà soát các cơ sở khám bệnh, chữa bệnh trên địa bàn.",
            percent_done=min(100, 20 * period),
            author=authors.get(assignment.agency_id) or task.created_by,
            revision=period + 1,
        )
        for n, assignment in enumerate(task.assignments.order_by("pk"))
        if n % 5
        for period in past
    ]
    ProgressReport.objects.bulk_create(rows, batch_size=1000)


def _analyze() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def _page(person: Person, url: str, repeat: int) -> tuple[list[float], int]:
    client = Client()
    client.force_login(person)
    client.get(url)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return times, len(queries)


def main() -> None:
    count, repeat = (1_000, 15) if ARGS.quick else (5_000, 40)
    rng = random.Random(11)
    call_command("migrate", verbosity=0)
    organisation_load()
    people = _people()
    busy = Unit.objects.get(agency__code=BUSY_UNIT[0], symbol=BUSY_UNIT[1])
    head = people[busy.pk][0]
    queue = reverse("requests_index") + "?tab=queue"
    _requests(count // 10, people, rng)
    small_directive = _directive(1, 6, people)
    _analyze()
    _t, queue_small = _page(head, queue, 3)
    small_officer = Person.objects.get(username="kcb1")
    matrix_small_url = reverse("directives_document", args=[small_directive.pk])
    _t, matrix_small = _page(small_officer, matrix_small_url, 3)
    _requests(count - count // 10, people, rng)
    directive = _directive(2, 63, people)
    _analyze()
    queue_times, queue_queries = _page(head, queue, repeat)
    officer = Person.objects.get(username="kcb2")
    matrix_url = reverse("directives_document", args=[directive.pk])
    matrix_times, matrix_queries = _page(officer, matrix_url, repeat)
    q50, q95 = _percentiles(queue_times)
    m50, m95 = _percentiles(matrix_times)
    waiting = CoordinationRequest.objects.filter(unit=busy).exclude(state=RequestState.ACCEPTED)
    tasks = directive.directive_tasks.all()
    print(f"database = {connection.vendor}")
    print(f"requests = {CoordinationRequest.objects.count()} requests")
    print(f"queue_open_requests = {waiting.count()} requests")
    print(f"queue_p50 = {q50:.1f} ms")
    print(f"queue_p95 = {q95:.1f} ms")
    print(f"queue_queries_at_tenth = {queue_small} queries")
    print(f"queue_queries = {queue_queries} queries")
    print(f"matrix_addressees = {sum(t.assignments.count() for t in tasks)} addressees")
    reports = ProgressReport.objects.filter(assignment__task__document=directive)
    print(f"matrix_reports = {reports.count()} reports")
    print(f"matrix_p50 = {m50:.1f} ms")
    print(f"matrix_p95 = {m95:.1f} ms")
    print(f"matrix_queries_at_tenth = {matrix_small} queries")
    print(f"matrix_queries = {matrix_queries} queries")


if __name__ == "__main__":
    from bench.machine import print_reference

    main()
    print_reference()
