"""Write one PDF per document type to a folder, to look at them (pdftoppm -png)."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from reports.documents import snapshot_html
from reports.render import render_pdf
from reports.specimens import specimens


class Command(BaseCommand):
    help = "Render a specimen of every printed document type into FOLDER."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("folder", type=Path)

    def handle(self, *args: Any, folder: Path, **options: Any) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        for name, snapshot in specimens().items():
            (folder / f"{name}.pdf").write_bytes(render_pdf(snapshot_html(snapshot)))
            self.stdout.write(f"{folder / name}.pdf")
