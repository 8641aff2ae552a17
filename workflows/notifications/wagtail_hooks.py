from typing import Any

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from . import views
from .models import Notification

urlpatterns = [
    path("", views.notification_index, name="notification_index"),
    path("read/", views.notification_read_all, name="notification_read_all"),
]


@hooks.register("register_admin_urls")
def register_notification_urls() -> list:
    return [path("notifications/", include(urlpatterns))]


@hooks.register("register_admin_menu_item")
def register_notification_menu_item() -> MenuItem:
    return MenuItem(_("Notifications"), reverse("notification_index"), icon_name="mail", order=51)


class UnreadPanel(Component):
    """The dashboard's panel of unread notices."""

    name = "unread_notifications"
    order = 60
    template_name = "notifications/panel.html"

    def __init__(self, user: Any) -> None:
        self.user = user

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        unread = Notification.objects.filter(recipient=self.user, read_at__isnull=True)
        return {"notices": unread[:5], "count": unread.count()}


@hooks.register("construct_homepage_panels")
def add_unread_panel(request: Any, panels: list) -> None:
    panels.insert(1, UnreadPanel(request.user))
