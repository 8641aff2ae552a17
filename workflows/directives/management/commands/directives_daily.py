"""Queue the directives' daily work (reminding late addressees) for the worker. Run it from cron
or a timer next to ``requests_daily``; each late addressee is reminded once per period."""

from typing import Any

from django.core.management.base import BaseCommand

from workflows.directives.tasks import directives_daily


class Command(BaseCommand):
    help = "Queue the reminders to addressees late with a directive's task."

    def handle(self, *args: Any, **options: Any) -> None:
        result = directives_daily.enqueue()
        self.stdout.write(f"queued {result.id}")
