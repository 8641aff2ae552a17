"""What every app's named refusals share: the message the screens show as it is, what changed
when a form went stale, and the page that shows a refusal.

Each app keeps its own base (``RequestActionRefused(ActionRefused)``) so that its views catch
only their own refusals; its stale-form refusal is ``RequestChanged(ChangedSinceOpened,
RequestActionRefused)``."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class ActionRefused(PermissionDenied):
    """Base of every refusal: nothing was changed."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ChangedSinceOpened(ActionRefused):
    """The row changed since the actor opened the form; ``changes`` says how, one sentence per
    step someone took since (empty when the app does not tell)."""

    def __init__(self, message: str, changes: list[str] | None = None) -> None:
        super().__init__(message)
        self.changes = changes or []


def refusal_shown(refusal: ActionRefused) -> dict[str, Any]:
    """What a page shows of a refusal: its message and, for a stale form, what changed."""
    return {"refusal": refusal.message, "changes": getattr(refusal, "changes", [])}


def refusal_page(
    request: HttpRequest, template: str, context: dict[str, Any], refusal: ActionRefused
) -> HttpResponse:
    """The page again, as it is now (``context``), with the refusal on top: 409 Conflict."""
    return render(request, template, {**context, **refusal_shown(refusal)}, status=409)
