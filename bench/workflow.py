"""Speed of the document workflow (a benchmark, not a test).

Loads the real organisation, 200 staff and 10,000 documents in every state into a fresh database,
then prints the median and p95 time of a transition through its service, and of the inbox page
(the staff's first screen) with the SQL queries it runs, at 1/10 of the data and at all of it,
so a query count that grows with the data shows. Targets on a 2-core machine: transition p95
<= 30 ms, inbox p95 <= 150 ms, queries per page <= 25 and the same at both sizes.

    .venv/bin/python bench/workflow.py [--quick] [--database-url postgres://…/bench]
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

# The project's root in place of bench/, whose requests.py would hide the requests package.
sys.path[0] = str(Path(__file__).resolve().parent.parent)


def _configure() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="2,000 documents and 50 people")
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="bench-workflow-")
    os.environ["VAR_DIR"] = folder
    os.environ["DATABASE_URL"] = args.database_url or f"sqlite:///{folder}/bench.sqlite3"
    # The deployed task backend (the queue in the database), so a transition's cost includes
    # enqueueing its side effects but not running them.
    os.environ["DJANGO_SETTINGS_MODULE"] = "coordination.settings.dev"
    os.environ["DEBUG"] = "0"
    return args


ARGS = _configure()

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, Permission  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from coordination.organisation.loading import organisation_load  # noqa: E402
from coordination.organisation.models import Agency, Membership, Person, Role, Unit  # noqa: E402
from workflows.documents import services  # noqa: E402
from workflows.documents.models import Document, DocumentKind, DocumentState  # noqa: E402

ROLES = (Role.DRAFTER, Role.DRAFTER, Role.DRAFTER, Role.UNIT_HEAD, Role.REVIEWER, Role.LEGAL)
STATES = [s for s in DocumentState if s not in (DocumentState.WITHDRAWN,)]


def _people(count: int) -> dict[str, list[Person]]:
    """Staff spread over the central agencies' units, with a signer and a clerk each."""
    units = list(Unit.objects.filter(agency__code__in=("vss", "moh")).select_related("agency"))
    staff, _created = Group.objects.get_or_create(name="Staff")
    staff.permissions.add(Permission.objects.get(codename="access_admin"))
    people: dict[str, list[Person]] = {}
    for n in range(count):
        unit = units[n % len(units)]
        role = ROLES[n % len(ROLES)] if n >= 4 else (Role.SIGNER, Role.CLERK)[n % 2]
        person = Person.objects.create(
            username=f"bench{n}", last_name="Nguyễn Văn", first_name=str(n)
        )
        Membership.objects.create(user=person, unit=unit, role=role, position="Chuyên viên")
        person.groups.add(staff)
        people.setdefault(f"{unit.agency.code}:{role}", []).append(person)
    return people


def _documents(count: int, people: dict[str, list[Person]]) -> None:
    units = list(Unit.objects.filter(agency__code__in=("vss", "moh")))
    today = timezone.localdate()
    rng = random.Random(7)
    rows = []
    for n in range(count):
        unit = units[n % len(units)]
        drafters = people.get(f"{unit.agency.code}:{Role.DRAFTER}")
        author = rng.choice(drafters)
        rows.append(
            Document(
                kind=rng.choice(list(DocumentKind)),
                subject=f"Văn bản số {n} về việc phối hợp thực hiện chính sách bảo hiểm y tế",
                body="Nội dung văn bản.",
                agency_id=unit.agency_id,
                unit=unit,
                state=rng.choice(STATES),
                created_by=author,
                last_edited_by=author,
                step_due_on=today + timedelta(days=rng.randint(-5, 10)),
            )
        )
    Document.objects.bulk_create(rows, batch_size=1000)


def _analyze() -> None:
    """Fresh planner statistics after the bulk load, as a database in service has."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def _percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def _transitions(people: dict[str, list[Person]], rounds: int) -> list[float]:
    """Letters taken from draft to issue; each service call timed."""
    vss = Agency.objects.get(code="vss")
    unit = Membership.objects.filter(unit__agency=vss, role=Role.UNIT_HEAD).first().unit
    drafter = Person.objects.create(username="bench.drafter")
    Membership.objects.create(user=drafter, unit=unit, role=Role.DRAFTER)
    head = Membership.objects.filter(unit=unit, role=Role.UNIT_HEAD).first().user
    signer, clerk = people[f"vss:{Role.SIGNER}"][0], people[f"vss:{Role.CLERK}"][0]
    times = []
    for n in range(rounds):
        document = services.document_create(
            actor=drafter,
            unit=unit,
            kind="official_letter",
            subject=f"Về việc {n}",
            body="Nội dung.",
        )
        for actor, verb in (
            (drafter, "submit"),
            (head, "approve"),
            (signer, "sign"),
            (clerk, "issue"),
        ):
            service = getattr(services, f"document_{verb}")
            start = time.perf_counter()
            with transaction.atomic():
                document = service(
                    document=document, actor=actor, expected_revision=document.revision
                )
            times.append((time.perf_counter() - start) * 1000)
    return times


def _inbox(person: Person, repeat: int) -> tuple[list[float], int]:
    client = Client()
    client.force_login(person)
    url = reverse("workflow_index")
    client.get(url)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return times, len(queries)


def main() -> None:
    documents, staff, repeat = (2_000, 50, 15) if ARGS.quick else (10_000, 200, 40)
    setup_test_environment()
    call_command("migrate", verbosity=0)
    organisation_load()
    people = _people(staff)
    head = people[f"vss:{Role.UNIT_HEAD}"][0]
    _documents(documents // 10, people)
    _small_times, small_queries = _inbox(head, 3)
    _documents(documents - documents // 10, people)
    _analyze()
    inbox_times, queries = _inbox(head, repeat)
    transition_times = _transitions(people, repeat // 2)
    t50, t95 = _percentiles(transition_times)
    i50, i95 = _percentiles(inbox_times)
    print(f"database = {connection.vendor}")
    print(f"documents = {Document.objects.count()} documents")
    print(f"people = {Person.objects.count()} people")
    print(f"transition_p50 = {t50:.1f} ms")
    print(f"transition_p95 = {t95:.1f} ms")
    print(f"inbox_p50 = {i50:.1f} ms")
    print(f"inbox_p95 = {i95:.1f} ms")
    print(f"inbox_queries_at_tenth = {small_queries} queries")
    print(f"inbox_queries = {queries} queries")


if __name__ == "__main__":
    from bench.machine import print_reference

    main()
    print_reference()
