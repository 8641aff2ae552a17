"""The demo follows Directive 25/CT-BYT: tasks for the 63 provinces, Quảng Nam and a few others
reporting, some late; loading it twice changes nothing."""

from io import StringIO

import pytest

from django.core.management import call_command

from workflows.directives.matrix import document_matrix
from workflows.directives.models import DirectiveTask, ProgressReport, TaskReminder
from workflows.documents.models import Document

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_demo_shows_reports_done_and_late_and_loads_once() -> None:
    call_command("seed_demo", stdout=StringIO())
    counts = (DirectiveTask.objects.count(), ProgressReport.objects.count())
    output = StringIO()
    call_command("seed_demo", stdout=output)
    assert (DirectiveTask.objects.count(), ProgressReport.objects.count()) == counts
    assert "already loaded" in output.getvalue()
    directive = Document.objects.get(number_symbol="25/CT-BYT")
    matrix = document_matrix(directive)
    assert (len(matrix.tasks), matrix.row_count) == (3, 64)
    assert all(matrix.totals.get(s) for s in ("done", "on_track", "late"))
    quang_nam = matrix.only(province="49").rows[0].cells[0].entries[0]
    assert quang_nam.percent == 90
    assert quang_nam.position.standing in ("on_track", "report_due"), "due at the quarter's end"
    assert TaskReminder.objects.filter(assignment__agency__code="bhxh-40").exists()
