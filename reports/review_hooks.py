"""The printing side's part in the directive follow-up: print a periodic review when it is
asked for, and preview it. Registered from reports/wagtail_hooks.py."""

from django.urls import path

from wagtail import hooks

from .reviews.views import review_preview
from .tasks import directive_review_render_pdf


@hooks.register("directive_review_requested")
def render_requested_review(review_pk: int) -> None:
    directive_review_render_pdf.enqueue(review_pk)


@hooks.register("register_admin_urls")
def register_review_print_urls() -> list:
    return [
        path(
            "print/directives/<int:pk>/review/",
            review_preview,
            name="reports_directive_review_preview",
        )
    ]
