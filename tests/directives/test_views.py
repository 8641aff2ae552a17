"""The staff screens: who may see and do what, acting through the pages, stale forms, escaping
and a bounded number of queries per page at two sizes."""

from datetime import timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from workflows.directives.models import (
    AssignmentState,
    DirectiveTask,
    ProgressReport,
    TaskReminder,
)
from workflows.documents.models import Confidentiality

from .conftest import make_office
from .steps import TITLE, assignment_of, give, report, report_all_past, today

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _client(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _status(user: Any, url: str) -> int:
    return _client(user).get(url).status_code


def test_who_sees_the_follow_up_of_an_ordinary_directive(org: Any, issuer: Any) -> None:
    give(issuer)
    url = reverse("directives_document", args=[issuer.directive.pk])
    assert _status(issuer.officer, url) == 200
    assert _status(org.moh_signer, url) == 200, "central leadership"
    assert _status(org.signer, url) == 200, "the other agency's leadership too"
    assert _status(org.moh_drafter, url) == 200, "the issuing agency's staff"
    assert _status(org.drafter, url) == 404
    assert _status(issuer.offices["49"].officer, url) == 404


def test_nobody_else_sees_a_confidential_documents_tasks(org: Any, issuer: Any) -> None:
    issuer.directive.confidentiality = Confidentiality.CONFIDENTIAL
    issuer.directive.save()
    task = give(issuer)
    url = reverse("directives_document", args=[issuer.directive.pk])
    assert _status(issuer.officer, url) == 200
    assert _status(org.moh_signer, url) == 200
    assert _status(org.moh_drafter, url) == 404
    office = issuer.offices["49"]
    own = reverse("directives_assignment", args=[assignment_of(task, office).pk])
    other = reverse("directives_assignment", args=[assignment_of(task, issuer.offices["40"]).pk])
    assert (_status(office.officer, own), _status(office.officer, other)) == (200, 404)
    assert _status(org.moh_drafter, own) == 404


def test_only_the_issuing_unit_opens_the_task_forms(org: Any, issuer: Any) -> None:
    task = give(issuer)
    create = reverse("directives_task_create", args=[issuer.directive.pk])
    edit = reverse("directives_task_edit", args=[task.pk])
    assert (_status(issuer.officer, create), _status(issuer.officer, edit)) == (200, 200)
    assert (_status(org.moh_signer, create), _status(org.moh_signer, edit)) == (404, 404)
    response = _client(org.moh_drafter).post(
        reverse("directives_task_cancel", args=[task.pk]), {"revision": 1, "comment": "x"}
    )
    assert response.status_code == 404
    assert DirectiveTask.objects.get().state == "open"


def test_the_issuing_unit_gives_a_task_to_all_provincial_offices_through_the_form(
    org: Any, issuer: Any
) -> None:
    response = _client(issuer.officer).post(
        reverse("directives_task_create", args=[issuer.directive.pk]),
        {
            "title": TITLE,
            "details": "Đối chiếu với danh mục theo Thông tư.",
            "starts_on": today().isoformat(),
            "due_on": (today() + timedelta(days=180)).isoformat(),
            "frequency": "quarterly",
            "provincial_kinds": ["provincial_social_security"],
            "all_provinces": "on",
            "central_units": [org.csyt.pk],
        },
    )
    assert response.status_code == 302
    task = DirectiveTask.objects.get()
    agencies = set(task.assignments.values_list("agency__code", flat=True))
    assert agencies == {"bhxh-01", "bhxh-40", "bhxh-49", "vss"}


def test_a_form_without_addressees_stores_nothing(issuer: Any) -> None:
    response = _client(issuer.officer).post(
        reverse("directives_task_create", args=[issuer.directive.pk]),
        {
            "title": TITLE,
            "starts_on": today().isoformat(),
            "due_on": (today() + timedelta(days=9)).isoformat(),
            "frequency": "once",
            "provinces": [issuer.offices["49"].province.pk],
        },
    )
    assert response.status_code == 200
    assert "error-message" in response.content.decode()
    assert not DirectiveTask.objects.exists()


def test_an_officer_reports_through_the_page_and_others_cannot(issuer: Any) -> None:
    task = give(issuer)
    office = issuer.offices["49"]
    assignment = assignment_of(task, office)
    url = reverse("directives_report", args=[assignment.pk])
    data = {"revision": 1, "period": 1, "text": "Đã rà soát 65 cơ sở.", "percent_done": 55}
    files = {"attachments": SimpleUploadedFile("ket-qua.pdf", PDF)}
    page = _client(office.officer).get(reverse("directives_assignment", args=[assignment.pk]))
    assert 'data-testid="report-form"' in page.content.decode()
    assert _client(issuer.offices["40"].officer).post(url, data).status_code == 404
    assert _client(issuer.officer).post(url, data).status_code == 409
    response = _client(office.officer).post(url, {**data, **files})
    assert response.status_code == 302
    sent = ProgressReport.objects.get()
    attachment = sent.attachments.get()
    download = reverse("directives_attachment", args=[assignment.pk, attachment.pk])
    assert _status(issuer.offices["40"].officer, download) == 404
    got = _client(issuer.officer).get(download)
    assert got.status_code == 200 and "attachment" in got["Content-Disposition"]


def test_a_stale_report_form_gets_409_with_what_changed(issuer: Any) -> None:
    task = give(issuer)
    office = issuer.offices["49"]
    assignment = assignment_of(task, office)
    report(assignment, office.head, 1)
    response = _client(office.officer).post(
        reverse("directives_report", args=[assignment.pk]),
        {"revision": 1, "period": 1, "text": "Cũ"},
    )
    page = response.content.decode()
    assert response.status_code == 409 and 'data-testid="refusal"' in page
    assert office.head.get_full_name() in page
    assert ProgressReport.objects.count() == 1


def test_the_matrix_reminds_every_late_addressee_and_ticked_ones(issuer: Any) -> None:
    task = give(issuer)
    report_all_past(task, issuer.offices["01"])
    client = _client(issuer.officer)
    url = reverse("directives_remind", args=[issuer.directive.pk])
    page = client.get(reverse("directives_document", args=[issuer.directive.pk])).content.decode()
    assert page.count('name="assignment"') == 2, "only the late cells have a tick box"
    assert client.post(url, {"which": "late"}).status_code == 302
    assert TaskReminder.objects.count() == 2
    again = client.post(
        url, {"which": "chosen", "assignment": [assignment_of(task, issuer.offices["40"]).pk]}
    )
    assert again.status_code == 409, "already reminded today"
    assert TaskReminder.objects.count() == 2


def test_the_issuing_unit_reopens_through_the_page(issuer: Any) -> None:
    task = give(issuer)
    office = issuer.offices["49"]
    report(assignment_of(task, office), office.officer, 1, marks_done=True)
    assignment = assignment_of(task, office)
    url = reverse("directives_assignment_act", args=[assignment.pk, "reopen"])
    assert _client(issuer.officer).post(url, {"revision": assignment.revision}).status_code == 409
    assert (
        _client(office.head)
        .post(url, {"revision": assignment.revision, "comment": "x"})
        .status_code
        == 409
    )
    response = _client(issuer.officer).post(
        url, {"revision": assignment.revision, "comment": "Thiếu danh mục"}
    )
    assert response.status_code == 302
    assert assignment_of(task, office).state == AssignmentState.IN_PROGRESS
    unknown = reverse("directives_assignment_act", args=[assignment.pk, "delete"])
    assert _client(issuer.officer).post(unknown).status_code == 404


def test_what_people_write_is_escaped(issuer: Any) -> None:
    script = "<script>alert('x')</script>"
    task = give(issuer, title=f"Rà soát {script}", details=script)
    office = issuer.offices["49"]
    report(assignment_of(task, office), office.officer, 1, text=script)
    pages = [
        _client(issuer.officer).get(reverse("directives_document", args=[issuer.directive.pk])),
        _client(issuer.officer).get(reverse("directives_task_edit", args=[task.pk])),
        _client(office.officer).get(
            reverse("directives_assignment", args=[assignment_of(task, office).pk])
        ),
        _client(office.officer).get(reverse("directives_index")),
    ]
    for page in pages:
        text = page.content.decode()
        assert script not in text and "&lt;script&gt;" in text


def test_the_addressee_sees_its_tasks_in_the_menu_page_and_the_dashboard(issuer: Any) -> None:
    give(issuer)
    office = issuer.offices["49"]
    index = _client(office.officer).get(reverse("directives_index")).content.decode()
    assert TITLE in index and 'data-standing="late"' in index
    dashboard = _client(office.officer).get("/admin/").content.decode()
    assert 'data-testid="directive-tasks-panel"' in dashboard
    assert (
        'data-testid="directive-tasks-panel"'
        not in _client(issuer.officer).get("/admin/").content.decode()
    )


def _queries(user: Any, url: str) -> int:
    client = _client(user)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _grow(org: Any, issuer: Any, task: DirectiveTask, count: int) -> None:
    """More provinces with the task, each with reports and a reminder."""
    from workflows.directives import services
    from workflows.directives.services import Addressee

    offices = [make_office(org, f"{60 + n}", f"Tỉnh {n}") for n in range(count)]
    task.refresh_from_db()
    services.task_add_addressees(
        task=task,
        actor=issuer.officer,
        expected_revision=task.revision,
        addressees=[Addressee(o.agency) for o in offices],
    )
    for office in offices:
        report_all_past(task, office)
    TaskReminder.objects.create(assignment=assignment_of(task, offices[0]), period=1, days_late=3)


def test_pages_run_the_same_queries_whatever_the_number_of_addressees(
    org: Any, issuer: Any
) -> None:
    task = give(issuer)
    give(issuer, title="Báo cáo kết quả kiểm tra")
    report_all_past(task, issuer.offices["49"])
    office = issuer.offices["49"]
    assignment = assignment_of(task, office)
    urls = {
        "matrix": (issuer.officer, reverse("directives_document", args=[issuer.directive.pk])),
        "document": (issuer.officer, reverse("workflow_document", args=[issuer.directive.pk])),
        "assignment": (office.officer, reverse("directives_assignment", args=[assignment.pk])),
        "index": (office.officer, reverse("directives_index")),
        "given": (issuer.officer, reverse("directives_index") + "?tab=given"),
    }
    small = {name: _queries(*target) for name, target in urls.items()}
    _grow(org, issuer, task, 12)
    for number in (1, 2):
        report(
            assignment_of(task, office),
            office.head,
            number,
            text="Bổ sung",
            attachments=[SimpleUploadedFile("a.pdf", PDF)],
        )
    large = {name: _queries(*target) for name, target in urls.items()}
    assert large == small
    assert small["matrix"] <= 20, small


def test_the_document_page_shows_its_tasks_to_those_who_follow_them(org: Any, issuer: Any) -> None:
    give(issuer)
    url = reverse("workflow_document", args=[issuer.directive.pk])
    own = _client(issuer.officer).get(url).content.decode()
    assert 'data-testid="document-tasks"' in own and "Quá hạn" in own
    outsider = _client(org.drafter).get(url).content.decode()
    assert 'data-testid="document-tasks"' not in outsider


def test_the_matrix_filters_by_region_and_the_preview_is_for_followers_only(
    org: Any, issuer: Any
) -> None:
    give(issuer)
    url = reverse("directives_document", args=[issuer.directive.pk])
    central = _client(issuer.officer).get(url, {"region": "bac-trung-bo-duyen-hai-mien-trung"})
    html = central.content.decode()
    assert 'data-province="49"' in html and 'data-province="40"' in html
    assert 'data-province="01"' not in html
    preview = reverse("reports_directive_review_preview", args=[issuer.directive.pk])
    assert _status(issuer.officer, preview) == 200
    assert _status(issuer.offices["49"].officer, preview) == 404
    assert _client(issuer.officer).get(preview, {"starts_on": "x"}).status_code == 404
