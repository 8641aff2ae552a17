from django.urls import path
from django.utils.translation import gettext_lazy as _

from workflows.staff_screens import staff_screens_register

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


staff_screens_register(
    prefix="exchange/",
    urlpatterns=urlpatterns,
    menu_label=_("Incoming register"),
    menu_url_name="exchange_register",
    icon="download",
    order=56,
    stylesheet="exchange/admin.css",
)
