from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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


@hooks.register("register_admin_urls")
def register_warning_urls() -> list:
    return [path("warnings/", include(urlpatterns))]


@hooks.register("insert_global_admin_css")
def warnings_admin_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("warnings/admin.css"))


class ProvinceStaffMenuItem(MenuItem):
    """Shown only to staff of a provincial Social Security office."""

    def is_shown(self, request: object) -> bool:
        return provinces_visible_to(request.user).exists()  # type: ignore[attr-defined]


@hooks.register("register_admin_menu_item")
def register_warnings_menu_item() -> MenuItem:
    return ProvinceStaffMenuItem(
        _("Cost warnings"), reverse("warnings_index"), icon_name="warning", order=60
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
