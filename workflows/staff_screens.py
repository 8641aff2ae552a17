"""How an app adds its screens to the staff interface (the Wagtail admin): its URLs under one
prefix, its item in the menu and its stylesheet, registered in one call from its
``wagtail_hooks``; and the dashboard panel of what waits for the person signed in."""

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from django.templatetags.static import static
from django.urls import URLPattern, URLResolver, include, path, reverse
from django.utils.functional import Promise
from django.utils.html import format_html

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component


def staff_screens_register(
    *,
    prefix: str,
    urlpatterns: Sequence[URLPattern | URLResolver],
    menu_label: str | Promise,
    menu_url_name: str,
    icon: str,
    order: int,
    menu_item: type[MenuItem] = MenuItem,
    stylesheet: str = "",
) -> None:
    """The app's screens at ``/admin/<prefix>``, its item in the menu (``menu_item``: a
    subclass that shows itself only to some people), its stylesheet on every admin page."""
    hooks.register("register_admin_urls", lambda: [path(prefix, include(urlpatterns))])
    hooks.register(
        "register_admin_menu_item",
        lambda: menu_item(menu_label, reverse(menu_url_name), icon_name=icon, order=order),
    )
    if stylesheet:
        hooks.register(
            "insert_global_admin_css",
            lambda: format_html('<link rel="stylesheet" href="{}">', static(stylesheet)),
        )


class WaitingPanel(Component):
    """A dashboard panel of what waits for the person signed in: the first ``shown`` of
    ``waiting()`` (named ``listed`` in the template) and how many there are."""

    listed = "items"
    shown = 10

    def __init__(self, user: Any) -> None:
        self.user = user

    def waiting(self) -> QuerySet[Any]:
        raise NotImplementedError

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        waiting = self.waiting()
        return {self.listed: waiting[: self.shown], "count": waiting.count()}
