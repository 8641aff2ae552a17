"""Questions stored before coordination requests existed are not lost: the migration sends each one
it can route to the unit that answers for its document, and the others stay stored and shown."""

from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import Client
from django.utils import timezone

from coordination.organisation.models import Agency, Membership, Person, Unit
from coordination.portal.models import DocumentPage, Question
from workflows.requests.models import CoordinationRequest, RequestState

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("portal", "0004_entry_sort_on")]
AFTER = [("portal", "0006_route_stored_questions")]


def _migrate(targets: list[tuple[str, str]] | None = None) -> None:
    """To ``targets``, or to the latest migrations when none are given."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())


@pytest.fixture(autouse=True)
def latest_schema_afterwards() -> Iterator[None]:
    """The tests below leave the portal at AFTER; the tests that follow in the same database
    (another module, another pytest-xdist distribution) expect every later migration too."""
    yield
    _migrate()


def test_stored_questions_become_requests_where_a_unit_answers(
    quang_nam: Agency,
    vss: Agency,
    national: DocumentPage,
    csyt: Unit,
    publish_manual: Callable[..., DocumentPage],
) -> None:
    reader = Person.objects.get(username="qnam.reader")
    manual = publish_manual("3618", number_symbol="3618/QĐ-BHXH", agency=vss, subject="Quy trình")
    asked_at = timezone.now() - timedelta(days=30)
    routed = Question.objects.create(
        page=national, agency=quang_nam, asked_by=reader, text="Áp dụng từ quý nào?"
    )
    Question.objects.filter(pk=routed.pk).update(asked_at=asked_at)
    unroutable = Question.objects.create(
        page=manual, agency=quang_nam, asked_by=reader, text="Chỉ thị còn hiệu lực?"
    )
    _migrate(BEFORE)
    _migrate(AFTER)

    request = Question.objects.get(pk=routed.pk).request
    assert (request.unit, request.requester, request.state) == (
        csyt,
        reader,
        RequestState.SUBMITTED,
    )
    assert request.requester_unit.agency == quang_nam
    assert request.subject == "Hỏi về văn bản 05/BHXH-CSYT: Áp dụng từ quý nào?"
    assert request.created_at == asked_at
    assert request.due_on > timezone.localdate()
    assert list(request.documents.all()) == [national.source_document]
    event = request.events.get()
    assert (event.action, event.actor, event.unit) == ("create", reader, csyt)
    assert Question.objects.get(pk=unroutable.pk).request is None
    assert CoordinationRequest.objects.count() == 1

    client = Client()
    client.force_login(reader)
    page = client.get(manual.url).content.decode()
    assert "Chỉ thị còn hiệu lực?" in page
    assert "chưa chuyển tới đơn vị nào" in page


def test_a_question_whose_asker_left_the_office_stays_stored(
    quang_nam: Agency, national: DocumentPage
) -> None:
    reader = Person.objects.get(username="qnam.reader")
    question = Question.objects.create(
        page=national, agency=quang_nam, asked_by=reader, text="Hỏi?"
    )
    Membership.objects.filter(user=reader).update(is_active=False)
    _migrate(BEFORE)
    _migrate(AFTER)
    assert Question.objects.get(pk=question.pk).request is None
    assert not CoordinationRequest.objects.exists()
