"""/healthz: the state of the database and of the task queue, as JSON, for monitoring."""

from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache


def _database() -> dict[str, object]:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        return {"ok": False, "error": str(exc), "vendor": connection.vendor}
    return {"ok": True, "vendor": connection.vendor}


def _queue() -> dict[str, object]:
    try:
        waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
        oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
        failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count()
        running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count()
    except DatabaseError as exc:
        return {"ok": False, "error": str(exc)}
    age = (timezone.now() - oldest).total_seconds() if oldest else 0.0
    return {
        "ok": True,
        "waiting": waiting.count(),
        "running": running,
        "failed": failed,
        "oldest_waiting_age_seconds": round(age, 1),
    }


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    database = _database()
    queue = _queue() if database["ok"] else {"ok": False, "error": "database unavailable"}
    ok = bool(database["ok"] and queue["ok"])
    return JsonResponse(
        {"status": "ok" if ok else "error", "database": database, "task_queue": queue},
        status=200 if ok else 503,
    )
