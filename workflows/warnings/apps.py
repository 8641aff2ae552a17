from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WarningsConfig(AppConfig):
    name = "workflows.warnings"
    label = "warnings"
    verbose_name = _("Cost surveillance")
