"""The directives' daily work, run by the task worker: remind each late addressee once per
reporting period."""

from django_tasks import task

from .services import reminders_send_overdue


@task()
def directives_daily() -> dict[str, int]:
    return {"reminded": reminders_send_overdue()}
