from typing import Any

from django.db.models import QuerySet
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from workflows.staff_screens import WaitingPanel, staff_screens_register

from . import views
from .models import Notification

urlpatterns = [
    path("", views.notification_index, name="notification_index"),
    path("read/", views.notification_read_all, name="notification_read_all"),
]


staff_screens_register(
    prefix="notifications/",
    urlpatterns=urlpatterns,
    menu_label=_("Notifications"),
    menu_url_name="notification_index",
    icon="mail",
    order=51,
)


class UnreadPanel(WaitingPanel):
    """The dashboard's panel of unread notices."""

    name = "unread_notifications"
    order = 60
    template_name = "notifications/panel.html"
    listed = "notices"
    shown = 5

    def waiting(self) -> QuerySet[Any]:
        return Notification.objects.filter(recipient=self.user, read_at__isnull=True)


@hooks.register("construct_homepage_panels")
def add_unread_panel(request: Any, panels: list) -> None:
    panels.insert(1, UnreadPanel(request.user))
