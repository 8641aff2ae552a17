from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import export, incoming, register

urlpatterns = [
    path("", register.register_index, name="exchange_register"),
    path("register.xlsx", register.register_xlsx, name="exchange_register_xlsx"),
    path("register/print/", register.register_print, name="exchange_register_print"),
    path("register/<int:pk>/pdf/", register.register_pdf, name="exchange_register_pdf"),
    path("import/", incoming.incoming_import, name="exchange_import"),
    path("<int:pk>/", incoming.incoming_detail, name="exchange_incoming"),
    path("<int:pk>/package/", incoming.incoming_package, name="exchange_package"),
    path(
        "<int:pk>/files/<int:attachment_pk>/",
        incoming.incoming_attachment,
        name="exchange_attachment",
    ),
    path("<int:pk>/<slug:action>/", incoming.incoming_act, name="exchange_incoming_act"),
    path("notices/<int:pk>/", incoming.status_notice_download, name="exchange_notice"),
    path("export/<int:pk>/", export.document_export, name="exchange_export"),
]


@hooks.register("register_admin_urls")
def register_exchange_urls() -> list:
    return [path("exchange/", include(urlpatterns))]


@hooks.register("register_admin_menu_item")
def register_exchange_menu_item() -> MenuItem:
    return MenuItem(
        _("Incoming register"), reverse("exchange_register"), icon_name="download", order=56
    )


@hooks.register("insert_global_admin_css")
def exchange_admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("exchange/admin.css"))
