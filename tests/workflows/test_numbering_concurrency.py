"""Clerks issuing at the same moment, each on their own database connection, never share a
number and skip none. Runs on SQLite and, in CI's second pass, on PostgreSQL."""

import threading
from typing import Any

import pytest

from django.db import connection, connections

from tests.factories import MembershipFactory, UserFactory
from workflows.documents import services
from workflows.documents.models import Document, DocumentKind, DocumentState

CLERKS = 20


def _signed_letter(org: Any, n: int) -> Document:
    document = services.document_create(
        actor=org.drafter,
        unit=org.csyt,
        kind=DocumentKind.OFFICIAL_LETTER,
        subject=f"Công văn số thứ tự {n}",
        body="Nội dung công văn.",
    )
    for actor, verb in [(org.drafter, "submit"), (org.head, "approve"), (org.signer, "sign")]:
        service = getattr(services, f"document_{verb}")
        document = service(document=document, actor=actor, expected_revision=document.revision)
    return document


@pytest.mark.django_db(transaction=True)
def test_concurrent_clerks_get_distinct_consecutive_numbers(org: Any) -> None:
    documents = [_signed_letter(org, n) for n in range(CLERKS)]
    clerks = [UserFactory(username=f"clerk{n}") for n in range(CLERKS)]
    for clerk in clerks:
        MembershipFactory(user=clerk, unit=org.vss_office, role="clerk")
    start = threading.Barrier(CLERKS)
    errors: list[BaseException] = []

    def issue(document: Document, clerk: Any) -> None:
        try:
            start.wait()
            services.document_issue(
                document=document, actor=clerk, expected_revision=document.revision
            )
        except BaseException as exc:  # noqa: BLE001 - reported to the main thread below
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=issue, args=pair) for pair in zip(documents, clerks, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert errors == []
    issued = Document.objects.filter(state=DocumentState.ISSUED)
    numbers = sorted(issued.values_list("number", flat=True))
    assert numbers == list(range(1, CLERKS + 1)), connection.vendor
    assert len(set(issued.values_list("number_symbol", flat=True))) == CLERKS
