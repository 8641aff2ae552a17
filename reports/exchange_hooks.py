"""The printing side's part in the electronic exchange: print the incoming register when asked.
Registered from reports/wagtail_hooks.py."""

from django_tasks import task

from wagtail import hooks

from workflows.exchange.printing import HOOK_INCOMING_REGISTER_PRINT

from .incoming_register import incoming_register_store_pdf


@task()
def incoming_register_render_pdf(print_pk: int) -> int:
    """Print an incoming register; the register's page links to it when it is ready."""
    return incoming_register_store_pdf(print_pk=print_pk)


@hooks.register(HOOK_INCOMING_REGISTER_PRINT)
def print_incoming_register(print_pk: int) -> None:
    incoming_register_render_pdf.enqueue(print_pk)
