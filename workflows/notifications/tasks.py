"""E-mail for notices, sent by the task worker."""

from django_tasks import task

from django.conf import settings
from django.core.mail import send_mass_mail
from django.utils import timezone

from .models import Notification


@task()
def notifications_email(notification_ids: list[int]) -> int:
    """E-mail each notice once to its recipient, when they have an address."""
    pending = Notification.objects.filter(
        pk__in=notification_ids, emailed_at__isnull=True
    ).select_related("recipient")
    messages = [
        (_subject(n), _text(n), settings.DEFAULT_FROM_EMAIL, [n.recipient.email])
        for n in pending
        if n.recipient.email
    ]
    sent = send_mass_mail(messages, fail_silently=False) if messages else 0
    pending.update(emailed_at=timezone.now())
    return sent


def _subject(notification: Notification) -> str:
    return f"[{settings.WAGTAIL_SITE_NAME}] {notification.message[:120]}"


def _text(notification: Notification) -> str:
    link = f"{settings.SITE_URL}{notification.link}" if notification.link else ""
    return f"{notification.message}\n\n{link}".strip() + "\n"
