"""A provincial office's question about a document, asked on the document's page: it becomes a
coordination request from the asker's unit to the unit that answers for the document, and the
office follows it (its state, then the answer) on the same page."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from coordination.organisation.models import Agency, Unit
from coordination.organisation.selectors import capacities_of, memberships_of
from workflows.requests.services import request_create

from .models import DocumentPage, Question, QuestionDesk
from .receipts import reader_agency

SUBJECT_WORDS = 16


class NoAnsweringUnit(PermissionDenied):
    """Neither the document, its page nor its agency names a unit that answers questions."""


class AskingOwnUnit(PermissionDenied):
    """The asker works in the unit that would answer."""


def question_answering_unit(page: DocumentPage) -> Unit | None:
    """Who answers questions about the document: its drafting unit for a workflow document; for
    one entered by hand, the unit its editor chose, else its agency's question desk."""
    if page.source_document is not None:
        unit = page.source_document.unit
    elif page.answering_unit_id:
        unit = page.answering_unit
    else:
        desks = QuestionDesk.objects.filter(agency_id=page.agency_id).select_related("unit")
        desk = desks.first() if page.agency_id else None
        unit = desk.unit if desk is not None else None
    return unit if unit is not None and unit.is_active else None


def question_ask(*, page: DocumentPage, actor: Any, text: str) -> Question:
    """Send the question to the answering unit as a coordination request about the document,
    and keep it with the page for the asker's office."""
    agency = reader_agency(actor, page)
    unit = question_answering_unit(page)
    if unit is None:
        raise NoAnsweringUnit(_("No unit answers questions about this document on the portal."))
    asker = _asker_unit(actor, agency)
    if asker.pk == unit.pk:
        raise AskingOwnUnit(_("Your own unit answers for this document; ask your colleagues."))
    source = page.source_document
    documents = [source] if source is not None and not source.is_confidential else []
    with transaction.atomic():
        request = request_create(
            actor=actor,
            requester_unit=asker,
            unit=unit,
            subject=question_subject(page, text),
            description=text,
            documents=documents,
        )
        return Question.objects.create(
            page=page, agency=agency, asked_by=actor, text=text.strip(), request=request
        )


def question_subject(page: DocumentPage, text: str) -> str:
    """'Hỏi về văn bản 4055/BHXH-CSYT: <the question's first words>', in Vietnamese whatever the
    asker's interface language, since the receiving unit reads it in its queue."""
    display = page.display()
    start = Truncator(" ".join(text.split())).words(SUBJECT_WORDS, truncate="…")
    with translation.override("vi"):
        subject = _("Question about %(document)s: %(start)s") % {
            "document": display.number_symbol or display.subject,
            "start": start,
        }
    return subject[:300]


def _asker_unit(actor: Any, agency: Agency) -> Unit:
    membership = memberships_of(actor).filter(unit__agency=agency).order_by("pk").first()
    if membership is None:
        raise PermissionDenied(_("You are not a member of a unit of this office."))
    return membership.unit


def office_questions(agency: Agency, *, page: DocumentPage | None = None) -> QuerySet[Question]:
    """The office's questions, newest first, with their requests and pages (one query)."""
    questions = Question.objects.filter(agency=agency)
    if page is not None:
        questions = questions.filter(page=page)
    return questions.select_related(
        "asked_by", "page", "request__unit__agency", "request__requester_unit"
    ).order_by("-asked_at", "-pk")


def question_context(*, user: Any, page: DocumentPage, agency: Agency) -> dict[str, Any]:
    """Under a document, for a provincial reader: where a question goes, and the office's
    questions with their state and answer."""
    return {
        "answering_unit": question_answering_unit(page),
        "questions": list(office_questions(agency, page=page)[:20]),
        "my_units": {capacity.unit_id for capacity in capacities_of(user)},
    }
