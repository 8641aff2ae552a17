"""Issue a token to an agency's system and print it, this once: only its fingerprint is kept."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coordination.api.exceptions import ApiClientRefused
from coordination.api.services import api_client_create
from coordination.organisation.models import Agency


class Command(BaseCommand):
    help = "Issue an API token to a system of an agency; the token is printed once."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--agency", required=True, help="The agency's code, e.g. moh.")
        parser.add_argument("--name", required=True, help="The system that will use the token.")

    def handle(self, *args: Any, **options: Any) -> None:
        agency = Agency.objects.filter(code=options["agency"]).first()
        if agency is None:
            raise CommandError(f"No agency has the code {options['agency']!r}.")
        try:
            issued = api_client_create(agency=agency, name=options["name"])
        except ApiClientRefused as refusal:
            raise CommandError(refusal.message) from refusal
        client = issued.client
        self.stderr.write(
            f"API client {client.pk}: {client.name} ({agency.name}). "
            "The token below is shown only now; keep it safe."
        )
        self.stdout.write(issued.token)
