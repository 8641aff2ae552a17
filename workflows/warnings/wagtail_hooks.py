from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from workflows.staff_screens import staff_screens_register

from .models import ThresholdSet
from .selectors import provinces_visible_to
from .views import imports, runs

urlpatterns = [
    path("", runs.run_index, name="warnings_index"),
    path("import/", imports.cost_import, name="warnings_import"),
    path("import/problems.csv", imports.problems_download, name="warnings_import_problems"),
    path("import/template/", imports.template_download, name="warnings_import_template"),
    path("runs/new/", runs.run_create, name="warnings_run_create"),
    path("runs/<int:pk>/", runs.run_detail, name="warnings_run"),
    path("runs/<int:pk>/progress/", runs.run_progress, name="warnings_run_progress"),
    path("runs/<int:pk>/add/", runs.item_add, name="warnings_item_add"),
    path("runs/<int:pk>/print.pdf", runs.print_file, name="warnings_print_file"),
    path("runs/<int:pk>/print-again/", runs.run_render_again, name="warnings_run_render_again"),
    path("runs/<int:pk>/<slug:action>/", runs.run_act, name="warnings_run_act"),
    path("letters/<int:pk>/remove/", runs.item_remove, name="warnings_item_remove"),
    path("letters/<int:pk>/response/", runs.item_response, name="warnings_item_response"),
    path("letters/<int:pk>/pdf/", runs.letter_pdf, name="warnings_letter_pdf"),
]


class ProvinceStaffMenuItem(MenuItem):
    """Shown only to staff of a provincial Social Security office."""

    def is_shown(self, request: object) -> bool:
        return provinces_visible_to(request.user).exists()  # type: ignore[attr-defined]


staff_screens_register(
    prefix="warnings/",
    urlpatterns=urlpatterns,
    menu_label=_("Cost warnings"),
    menu_url_name="warnings_index",
    icon="warning",
    order=60,
    menu_item=ProvinceStaffMenuItem,
    stylesheet="warnings/admin.css",
)


class ThresholdSetViewSet(SnippetViewSet):
    """The rules' thresholds, per province and facility level, kept by administrators (Django
    model permissions); empty values fall back to the wider rows, then to the defaults."""

    model = ThresholdSet
    icon = "cog"
    menu_label = _("Warning thresholds")
    list_display = ["__str__", "growth_pct", "peer_k", "estimate_overrun_pct", "rejected_pct"]
    list_filter = ["level"]


register_snippet(ThresholdSetViewSet)
