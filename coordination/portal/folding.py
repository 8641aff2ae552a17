"""Vietnamese text folded for search: 'Chỉ thị 25/CT-BYT' and 'chi thi 25 ct byt' read the same.

Folding is Unicode NFD, combining marks dropped, 'đ' read as 'd', lower case, and every run of
characters that is not a letter or a digit read as one space. The folded text is stored by the
publishing service and queried with plain LIKE patterns, so SQLite and PostgreSQL agree.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D").lower()


def fold(text: str) -> str:
    """'Giám định BHYT – 4055/BHXH-CSYT' → 'giam dinh bhyt 4055 bhxh csyt'."""
    folded = "".join(_fold_char(char) for char in unicodedata.normalize("NFC", text))
    return _NOT_WORD.sub(" ", folded).strip()


def fold_padded(text: str) -> str:
    """Folded text with a space at each end, so that ' word' matches only at a word's start."""
    return f" {fold(text)} "


@dataclass(frozen=True)
class FoldedQuery:
    """What a reader typed, folded: its words and the whole phrase."""

    phrase: str
    words: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> "FoldedQuery":
        phrase = fold(text[:200])
        return cls(phrase=phrase, words=tuple(dict.fromkeys(phrase.split()))[:8])

    def __bool__(self) -> bool:
        return bool(self.words)

    @staticmethod
    def whole(word: str) -> bool:
        """A number or a single letter matches whole ('25' not '250'); a longer word matches at
        the start of a word ('dinh' finds 'định', 'thanh' finds 'thanh toán' and 'thành')."""
        return word.isdigit() or len(word) == 1

    @classmethod
    def pattern(cls, word: str) -> str:
        return f" {word} " if cls.whole(word) else f" {word}"


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """The folded text (letters and digits kept, the rest as spaces) and, for each of its
    characters, the index of the character of ``text`` it came from."""
    chars: list[str] = []
    origins: list[int] = []
    for index, char in enumerate(text):
        for folded in _fold_char(char):
            chars.append(folded if folded.isalnum() and folded.isascii() else " ")
            origins.append(index)
    return "".join(chars), origins


def _match_spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    folded, origins = _folded_with_positions(text)
    spans = []
    for word in words:
        end = r"(?![0-9a-z])" if FoldedQuery.whole(word) else ""
        for found in re.finditer(rf"(?<![0-9a-z]){re.escape(word)}{end}", folded):
            spans.append((origins[found.start()], origins[found.end() - 1] + 1))
    return _merged(sorted(spans))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _marked(text: str, spans: list[tuple[int, int]]) -> SafeString:
    parts, cursor = [], 0
    for start, end in spans:
        parts.append(escape(text[cursor:start]))
        parts.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    parts.append(escape(text[cursor:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece of the text is escaped above


def highlight(text: str, words: tuple[str, ...]) -> SafeString:
    """The whole text, escaped, with the words found marked."""
    return _marked(text, _match_spans(text, words))


def _phrase_start(text: str, words: tuple[str, ...]) -> int | None:
    """Where the words first follow one another, as typed."""
    if len(words) < 2:
        return None
    folded, origins = _folded_with_positions(text)
    found = re.search(r"(?<![0-9a-z])" + r" +".join(map(re.escape, words)), folded)
    return origins[found.start()] if found else None


def excerpt(text: str, words: tuple[str, ...], *, width: int = 260) -> SafeString:
    """About ``width`` characters around the first word found, escaped and marked; the text's
    start when no word is found."""
    spans = _match_spans(text, words)
    anchor = _phrase_start(text, words)
    if anchor is None:
        anchor = spans[0][0] if spans else 0
    start = max(0, anchor - width // 4)
    if start:
        start = text.find(" ", start) + 1 or start
    end = min(len(text), start + width)
    if end < len(text):
        end = text.rfind(" ", start, end) if text.rfind(" ", start, end) > start else end
    window = [
        (max(s, start) - start, min(e, end) - start) for s, e in spans if s < end and e > start
    ]
    body = _marked(text[start:end], window)
    prefix, suffix = ("… " if start else ""), (" …" if end < len(text) else "")
    return mark_safe(f"{prefix}{body}{suffix}")  # noqa: S308 - body is escaped by _marked
