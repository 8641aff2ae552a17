"""Questions stored before coordination requests existed become requests to the unit that answers
for their document, so that someone answers them (the due date counts from today, when that unit
first hears of them). A question no unit can be found for (a document entered by hand, an asker
who has left the office) stays stored; its office still sees it on the document's page."""

from django.db import migrations
from django.utils import timezone

from workflows.documents.deadlines import add_working_days

ANSWER_WITHIN_DAYS = 10
SUBJECT_WORDS = 16
ISSUED = ("issued", "amended", "superseded", "revoked")


def _subject(page, text):
    words = " ".join(text.split()).split(" ")
    start = " ".join(words[:SUBJECT_WORDS]) + ("…" if len(words) > SUBJECT_WORDS else "")
    document = page.number_symbol or page.subject or page.title
    return f"Hỏi về văn bản {document}: {start}"[:300]


def route_stored_questions(apps, schema_editor):
    Question = apps.get_model("portal", "Question")
    Membership = apps.get_model("organisation", "Membership")
    Request = apps.get_model("requests", "CoordinationRequest")
    Event = apps.get_model("requests", "RequestEvent")
    due_on = add_working_days(timezone.localdate(), ANSWER_WITHIN_DAYS)
    stored = Question.objects.filter(request__isnull=True).select_related(
        "page__source_document__unit", "page__answering_unit"
    )
    for question in stored.order_by("pk"):
        page = question.page
        document = page.source_document
        unit = document.unit if document is not None else page.answering_unit
        membership = (
            Membership.objects.filter(
                user_id=question.asked_by_id, unit__agency_id=question.agency_id, is_active=True
            )
            .order_by("pk")
            .first()
        )
        if unit is None or not unit.is_active or membership is None:
            continue
        if membership.unit_id == unit.pk:
            continue
        request = Request.objects.create(
            subject=_subject(page, question.text),
            description=question.text,
            urgency="normal",
            due_on=due_on,
            requester_id=question.asked_by_id,
            requester_unit_id=membership.unit_id,
            unit=unit,
            state="submitted",
            revision=1,
        )
        Request.objects.filter(pk=request.pk).update(created_at=question.asked_at)
        if document is not None and document.state in ISSUED and not document.confidentiality:
            request.documents.add(document)
        Event.objects.create(
            request=request,
            action="create",
            source_state="submitted",
            target_state="submitted",
            unit=unit,
            actor_id=question.asked_by_id,
            comment=(
                f"Câu hỏi gửi trên cổng ngày {timezone.localtime(question.asked_at):%d/%m/%Y}, "
                "chuyển thành yêu cầu phối hợp."
            ),
            revision=1,
        )
        question.request = request
        question.save(update_fields=["request"])


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0005_questions_annexes_faq"),
        ("requests", "0006_coordinationrequest_drafted_answers"),
        ("organisation", "0003_coverage_figures"),
    ]

    operations = [migrations.RunPython(route_stored_questions, migrations.RunPython.noop)]
