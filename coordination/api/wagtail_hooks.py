from typing import Any

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

urlpatterns = [
    path("", views.api_client_index, name="api_clients"),
    path("new/", views.api_client_create, name="api_client_create"),
    path("<int:pk>/revoke/", views.api_client_revoke, name="api_client_revoke"),
]


@hooks.register("register_admin_urls")
def register_api_client_urls() -> list:
    return [path("api-clients/", include(urlpatterns))]


class AdministratorsMenuItem(MenuItem):
    def is_shown(self, request: Any) -> bool:
        return request.user.has_perm("api.view_apiclient")


@hooks.register("register_settings_menu_item")
def register_api_clients_menu_item() -> MenuItem:
    return AdministratorsMenuItem(
        _("API clients"), reverse("api_clients"), icon_name="key", order=700
    )
