"""``{% requests_answered_by_document document %}``: the requests an issued document answers, or
a draft was started to answer, for any page that shows a document (the other side of the
"answered by" link)."""

from typing import Any

from django import template

from ..selectors import requests_answered_by

register = template.Library()


@register.inclusion_tag("requests/_answered_requests.html", takes_context=True)
def requests_answered_by_document(context: Any, document: Any) -> dict[str, Any]:
    user = context["request"].user
    answered = list(requests_answered_by(document, user)[:50])
    return {"answered_requests": answered, "document": document}
