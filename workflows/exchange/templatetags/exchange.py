"""On an outgoing document's page: the "download edXML package" form and the status notices
its receivers sent back. ``{% load exchange %}{% document_exchange document %}``."""

from typing import Any

from django import template

from ..exceptions import ExchangeRefused
from ..export import check_exportable, exportable_receivers
from ..forms import ExportForm
from ..selectors import notices_delivered_to

register = template.Library()


@register.inclusion_tag("exchange/_document_exchange.html", takes_context=True)
def document_exchange(context: Any, document: Any) -> dict[str, Any]:
    user = context["request"].user
    try:
        check_exportable(document, user)
    except ExchangeRefused:
        form = None
    else:
        form = ExportForm(receivers=exportable_receivers(document))
    return {"document": document, "export_form": form, "notices": notices_delivered_to(document)}
