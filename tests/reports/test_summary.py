"""The summary report: figures computed from the stored data (checked by hand here), charts as
vector graphics, the same content on the dashboard and in the PDF printed by the worker."""

import io
from decimal import Decimal
from typing import Any

import pytest
from pypdf import PdfReader

from django.test import Client
from django.urls import reverse

from coordination.organisation.models import CoverageFigure
from reports.models import SummaryPrint
from reports.summaries.figures import step_rows
from tests.workflows.steps import draft, drive
from workflows.documents.models import DocumentState


def test_steps_count_open_and_overdue_documents(org: Any) -> None:
    drive(org, draft(org), DocumentState.INTERNAL_REVIEW)
    rows = {row.label: row for row in step_rows()}
    review = rows[str(DocumentState.INTERNAL_REVIEW.label)]
    assert (review.documents, review.overdue) == (1, 0)
    drafting = rows[str(DocumentState.DRAFTING.label)]
    assert drafting.mean_days is not None  # the draft left drafting once


@pytest.mark.django_db(transaction=True)
def test_the_dashboard_and_the_pdf_show_the_same_figures_with_vector_charts(org: Any) -> None:
    CoverageFigure.objects.create(
        year=2023, participants=93_307_000, coverage_percent=Decimal("93.35")
    )
    CoverageFigure.objects.create(year=2024, target_percent=Decimal("95.15"))
    client = Client()
    client.force_login(org.head)
    page = client.get(reverse("reports_summary")).content.decode()
    assert "93.307.000" in page and "<svg" in page and "93,35" in page
    client.post(reverse("reports_summary_print"))
    job = SummaryPrint.objects.get()
    assert job.status == "ready", job.error
    pdf = b"".join(client.get(reverse("reports_summary_pdf", args=[job.pk])).streaming_content)
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "BÁO CÁO" in text and "93.307.000" in text
    assert not any("/Image" in str(p.get("/Resources", {})) for p in reader.pages[:1])


def test_a_drafter_cannot_open_the_summary(org: Any) -> None:
    client = Client()
    client.force_login(org.drafter)
    response = client.get(reverse("reports_summary"))
    assert (response.status_code, response.url) == (302, "/admin/")
