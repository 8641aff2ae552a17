from typing import Any

from django import template

from coordination.organisation.names import person_name as _person_name

register = template.Library()


@register.filter
def person_name(user: Any) -> str:
    return _person_name(user) if user else ""
