"""Queue the documents' daily work (escalation and digests) for the worker. Run it from cron or
a timer, e.g. hourly; each step and each digest happens at most once a day."""

from typing import Any

from django.core.management.base import BaseCommand

from workflows.documents.tasks import documents_daily


class Command(BaseCommand):
    help = "Queue the escalation of overdue steps and the daily digests."

    def handle(self, *args: Any, **options: Any) -> None:
        result = documents_daily.enqueue()
        self.stdout.write(f"queued {result.id}")
