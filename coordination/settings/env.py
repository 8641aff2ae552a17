"""One small typed helper that reads deployment values from the environment.

Every setting that differs by deployment goes through here, so that a missing or malformed
value fails at start-up with the variable's name instead of deep inside a request.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_MISSING = object()
_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _raw(name: str, default: object) -> str | object:
    value = os.environ.get(name)
    if value is None:
        if default is _MISSING:
            raise ImproperlyConfigured(f"Set the environment variable {name}.")
        return default
    return value


def env_str(name: str, default: str | object = _MISSING) -> str:
    value = _raw(name, default)
    return str(value)


def env_bool(name: str, default: bool) -> bool:
    value = _raw(name, default)
    if isinstance(value, bool):
        return value
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int) -> int:
    value = _raw(name, default)
    try:
        return int(value)
    except (TypeError, ValueError):
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}.") from None


def env_list(name: str, default: list[str]) -> list[str]:
    value = _raw(name, default)
    if isinstance(value, list):
        return value
    return [item.strip() for item in value.split(",") if item.strip()]


def env_path(name: str, default: Path) -> Path:
    value = _raw(name, default)
    return Path(value).resolve()
