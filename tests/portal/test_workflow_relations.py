"""A decision issued through the workflow that revokes an earlier one: on the portal the earlier
page shows revoked, with links both ways, and its PDF stays downloadable."""

from typing import Any

import pytest

from django.test import Client
from django.utils import translation

from coordination.portal.models import DocumentPage, DocumentStatus
from tests.workflows.steps import draft, drive
from workflows.documents import services
from workflows.documents.models import DocumentKind, DocumentState

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_revocation_in_the_workflow_shows_on_both_pages(org: Any) -> None:
    earlier = drive(
        org, draft(org, kind=DocumentKind.DECISION, subject="Quyết định cũ"), DocumentState.ISSUED
    )
    later = draft(org, kind=DocumentKind.DECISION, subject="Quyết định bãi bỏ")
    services.document_relate(document=later, actor=org.drafter, target=earlier, kind="revokes")
    later = drive(org, later, DocumentState.ISSUED)
    earlier.refresh_from_db()
    assert earlier.state == DocumentState.REVOKED
    old_page = DocumentPage.objects.get(source_document=earlier)
    new_page = DocumentPage.objects.get(source_document=later)
    client = Client()
    old_html = client.get(old_page.url).content.decode()
    with translation.override("vi"):
        revoked = str(DocumentStatus.REVOKED.label)
    assert revoked in old_html and revoked not in client.get(new_page.url).content.decode()
    assert new_page.url in old_html
    assert old_page.url in client.get(new_page.url).content.decode()
    assert client.get(f"/pdf/van-ban/{earlier.pk}/").status_code == 200
