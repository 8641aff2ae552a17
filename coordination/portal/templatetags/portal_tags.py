from typing import Any

from django import template

from ..dashboard import user_is_central_staff
from ..models import DocumentStatus
from ..receipts import provincial_agency_of

register = template.Library()


@register.inclusion_tag("portal/status_badge.html")
def status_badge(status: str) -> dict:
    """The in-force status as a coloured label that also reads as text."""
    try:
        label = DocumentStatus(status).label
    except ValueError:
        return {}
    return {"status": status, "status_label": label}


@register.simple_tag
def portal_roles(user: Any) -> dict[str, bool]:
    """Which of the signed-in person's screens to link: 'new for us' for a provincial office,
    the receipts dashboard for central staff."""
    if not user.is_authenticated:
        return {"provincial": False, "central": False}
    return {
        "provincial": provincial_agency_of(user) is not None,
        "central": user_is_central_staff(user),
    }
