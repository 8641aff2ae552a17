from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .delegations import delegation_index


@hooks.register("register_admin_urls")
def register_delegation_urls() -> list:
    return [path("delegations/", delegation_index, name="delegation_index")]


@hooks.register("register_admin_menu_item")
def register_delegation_menu_item() -> MenuItem:
    return MenuItem(_("Delegations"), reverse("delegation_index"), icon_name="user", order=52)
