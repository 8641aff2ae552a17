from django import template

from ..models import DocumentStatus

register = template.Library()


@register.inclusion_tag("portal/status_badge.html")
def status_badge(status: str) -> dict:
    """The in-force status as a coloured label that also reads as text."""
    try:
        label = DocumentStatus(status).label
    except ValueError:
        return {}
    return {"status": status, "status_label": label}
