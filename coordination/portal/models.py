from wagtail.models import Page


class HomePage(Page):
    """The portal's front page."""

    max_count = 1
