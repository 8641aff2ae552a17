"""Queue the requests' daily work (flagging late answers) for the worker. Run it from cron or a
timer next to ``documents_daily``; each request is flagged at most once."""

from typing import Any

from django.core.management.base import BaseCommand

from workflows.requests.tasks import requests_daily


class Command(BaseCommand):
    help = "Queue the escalation of coordination requests whose answer is late."

    def handle(self, *args: Any, **options: Any) -> None:
        result = requests_daily.enqueue()
        self.stdout.write(f"queued {result.id}")
