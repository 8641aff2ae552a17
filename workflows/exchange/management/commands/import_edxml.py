"""Register a received edXML package in an agency's incoming register, from the command line.

    manage.py import_edxml FILE --agency 000.00.49.G99 --clerk qnam.clerk

Exits non-zero, listing every problem, when the package is refused; nothing is then stored."""

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from coordination.organisation.models import Agency, Role
from workflows.exchange.edxml.reader import LIMITS, package_size_check
from workflows.exchange.exceptions import ExchangeRefused, PackageRefused
from workflows.exchange.services import incoming_import


class Command(BaseCommand):
    help = "Check an edXML package and register it in the receiving agency's incoming register."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--agency", required=True, help="the receiving agency's edXML code or its code here"
        )
        parser.add_argument(
            "--clerk", help="username of the clerk registering it (default: the agency's first)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        agency = _agency(options["agency"])
        clerk = _clerk(agency, options["clerk"])
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            package_size_check(path.stat().st_size, max_bytes=LIMITS.package_bytes)
            incoming = incoming_import(raw=path.read_bytes(), agency=agency, actor=clerk)
        except PackageRefused as refusal:
            lines = "\n".join(f"  - {problem}" for problem in refusal.problems)
            raise CommandError(f"{path.name} refused, nothing stored:\n{lines}") from None
        except ExchangeRefused as refusal:
            raise CommandError(refusal.message) from None
        self.stdout.write(
            f"{incoming.number_symbol} registered in {agency.name}'s incoming register as "
            f"arrival number {incoming.arrival_number}/{incoming.year}."
        )


def _agency(code: str) -> Agency:
    agency = (
        Agency.objects.filter(edxml_code=code).first() or Agency.objects.filter(code=code).first()
    )
    if agency is None:
        raise CommandError(f"no agency with the code {code!r}")
    return agency


def _clerk(agency: Agency, username: str | None) -> Any:
    people = get_user_model().objects.filter(
        memberships__unit__agency=agency,
        memberships__role=Role.CLERK,
        memberships__is_active=True,
        is_active=True,
    )
    clerk = people.filter(username=username).first() if username else people.order_by("pk").first()
    if clerk is None:
        raise CommandError(f"{agency.name} has no clerk {username or ''}".rstrip())
    return clerk
