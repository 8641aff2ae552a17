"""The list of a rejected file's problems, as the page, the command and the download show it."""

import csv
import io

from django.utils.translation import gettext as _

from .costfile import Problem


def problems_csv(problems: list[Problem]) -> str:
    """A CSV (UTF-8 with BOM, so that Excel reads the Vietnamese) of every problem."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_("Row"), _("Column"), _("Problem")])
    writer.writerows([p.row or "", p.column, p.message] for p in problems)
    return "\ufeff" + buffer.getvalue()


def problems_text(problems: list[Problem]) -> str:
    lines = []
    for problem in problems:
        where = _("row %(row)s") % {"row": problem.row} if problem.row else _("file")
        column = f", {problem.column}" if problem.column else ""
        lines.append(f"{where}{column}: {problem.message}")
    return "\n".join(lines)
