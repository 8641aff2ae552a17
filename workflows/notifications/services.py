"""Sending notices: rows for the admin now, e-mail by the worker after the commit."""

from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils import timezone

from .models import Notification


def notification_send(
    *, recipients: Iterable[Any], kind: str, message: str, link: str = ""
) -> list[Notification]:
    rows = Notification.objects.bulk_create(
        Notification(recipient=person, kind=kind, message=message[:500], link=link)
        for person in {person.pk: person for person in recipients}.values()
    )
    if rows:
        from .tasks import notifications_email

        ids = [row.pk for row in rows]  # SQLite and PostgreSQL both return the new keys
        transaction.on_commit(lambda: notifications_email.enqueue(ids))
    return rows


def notification_mark_read(*, recipient: Any, ids: Iterable[int] | None = None) -> int:
    unread = Notification.objects.filter(recipient=recipient, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())
