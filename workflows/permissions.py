"""From a machine's ``check_*`` rule (which raises a named refusal) to the yes/no answers that
django-fsm's ``permission`` and the pages' action lists need."""

from collections.abc import Callable
from typing import Any

Check = Callable[[Any, Any], None]


def allowed(check: Check, instance: Any, user: Any, *, refused: type[Exception]) -> bool:
    try:
        check(instance, user)
    except refused:
        return False
    return True


def as_permission(check: Check, *, refused: type[Exception]) -> Callable[[Any, Any], bool]:
    """``may_<verb>`` for a transition's ``permission``, named after its ``check_<verb>``."""

    def permission(instance: Any, user: Any) -> bool:
        return allowed(check, instance, user, refused=refused)

    permission.__name__ = check.__name__.replace("check_", "may_")
    return permission
