"""Side-by-side comparison of two versions, paragraph by paragraph, with changed words marked.

difflib finds the changes; this module only escapes the text and marks it up, so nothing a
drafter wrote reaches the page as HTML.
"""

import difflib
import re
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class DiffRow:
    left: SafeString
    right: SafeString
    change: str  # "same", "changed", "added", "removed"


def versions_compare(old: str, new: str) -> list[DiffRow]:
    old_lines, new_lines = _paragraphs(old), _paragraphs(new)
    rows: list[DiffRow] = []
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [DiffRow(_plain(line), _plain(line), "same") for line in old_lines[i1:i2]]
        elif tag == "delete":
            rows += [
                DiffRow(_marked(line, "del"), _empty(), "removed") for line in old_lines[i1:i2]
            ]
        elif tag == "insert":
            rows += [DiffRow(_empty(), _marked(line, "ins"), "added") for line in new_lines[j1:j2]]
        else:
            rows += _replaced(old_lines[i1:i2], new_lines[j1:j2])
    return rows


def _replaced(old: list[str], new: list[str]) -> list[DiffRow]:
    rows = []
    for index in range(max(len(old), len(new))):
        left = old[index] if index < len(old) else None
        right = new[index] if index < len(new) else None
        if left is None:
            rows.append(DiffRow(_empty(), _marked(right or "", "ins"), "added"))
        elif right is None:
            rows.append(DiffRow(_marked(left, "del"), _empty(), "removed"))
        else:
            marked_left, marked_right = _words(left, right)
            rows.append(DiffRow(marked_left, marked_right, "changed"))
    return rows


def _words(old: str, new: str) -> tuple[SafeString, SafeString]:
    a, b = WORD.findall(old), WORD.findall(new)
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        old_part, new_part = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if tag == "equal":
            left.append(old_part)
            right.append(new_part)
            continue
        if old_part:
            left.append(f"<del>{old_part}</del>")
        if new_part:
            right.append(f"<ins>{new_part}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 - parts escaped


def _paragraphs(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def _plain(line: str) -> SafeString:
    return escape(line)


def _marked(line: str, tag: str) -> SafeString:
    return mark_safe(f"<{tag}>{escape(line)}</{tag}>")  # noqa: S308 - escaped


def _empty() -> SafeString:
    return mark_safe("")
