from django.apps import AppConfig


class CoordinationConfig(AppConfig):
    """The project package itself: project-wide commands, static files and translations."""

    name = "coordination"
    verbose_name = "Coordination"
