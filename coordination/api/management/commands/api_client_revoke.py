"""Revoke an API client's token at once; the client stays on record."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coordination.api.exceptions import ApiClientRefused
from coordination.api.models import ApiClient
from coordination.api.services import api_client_revoke


class Command(BaseCommand):
    help = "Revoke the token of an API client, given its number (shown by the admin screen)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("client", type=int, help="The API client's number.")

    def handle(self, *args: Any, **options: Any) -> None:
        client = ApiClient.objects.filter(pk=options["client"]).first()
        if client is None:
            raise CommandError(f"No API client has the number {options['client']}.")
        try:
            api_client_revoke(client=client)
        except ApiClientRefused as refusal:
            raise CommandError(refusal.message) from refusal
        self.stdout.write(f"Revoked the token of API client {client.pk} ({client.name}).")
