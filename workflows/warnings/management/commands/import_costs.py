"""manage.py import_costs FILE --province CODE --quarter 2023Q4 [--replace]"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from coordination.organisation.models import Province

from ...exceptions import CostFileRejected, WarningActionRefused
from ...problems import problems_text
from ...quarters import Quarter
from ...services import cost_import_create


class Command(BaseCommand):
    help = "Import a province's quarterly facility cost data from a CSV or XLSX file."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--province", required=True, help="province code, e.g. 49")
        parser.add_argument("--quarter", required=True, help="e.g. 2023Q4")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="replace the quarter's current data (the previous version is kept)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        province = Province.objects.filter(code=options["province"]).first()
        if province is None:
            raise CommandError(f"no province with code {options['province']!r}")
        try:
            period = Quarter.parse(options["quarter"])
            content = options["file"].read_bytes()
        except (ValueError, OSError) as error:
            raise CommandError(str(error)) from error
        try:
            cost_import = cost_import_create(
                actor=None,
                province=province,
                period=period,
                content=content,
                source_name=options["file"].name,
                replace=options["replace"],
            )
        except CostFileRejected as rejected:
            self.stderr.write(problems_text(rejected.problems))
            raise CommandError(
                f"{options['file'].name}: {len(rejected.problems)} problem(s); nothing was stored"
            ) from rejected
        except WarningActionRefused as refusal:
            raise CommandError(refusal.message) from refusal
        self.stdout.write(
            f"{province.name} {period}: {cost_import.row_count} facilities imported "
            f"(version {cost_import.version}, {cost_import.encoding})."
        )
