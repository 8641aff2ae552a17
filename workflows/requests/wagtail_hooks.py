from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views

urlpatterns = [
    path("", views.request_index, name="requests_index"),
    path("new/", views.request_create, name="requests_create"),
    path("<int:pk>/", views.request_detail, name="requests_detail"),
    path("<int:pk>/link/", views.request_link_document, name="requests_link_document"),
    path("<int:pk>/<slug:action>/", views.request_act, name="requests_act"),
]


@hooks.register("register_admin_urls")
def register_request_urls() -> list:
    return [path("requests/", include(urlpatterns))]


@hooks.register("register_admin_menu_item")
def register_request_menu_item() -> MenuItem:
    return MenuItem(_("Requests"), reverse("requests_index"), icon_name="mail", order=55)
