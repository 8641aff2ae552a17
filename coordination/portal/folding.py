"""Vietnamese text folded for search: 'Chỉ thị 25/CT-BYT' and 'chi thi 25 ct byt' read the same.

Folding is Unicode NFD, combining marks dropped, 'đ' read as 'd', lower case, and every run of
characters that is not a letter or a digit read as one space. The folded text is stored by the
publishing service and queried with LIKE patterns on SQLite, with the same words as a tsquery
over its tsvector on PostgreSQL (search.py): both find the same documents.
"""

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

_NOT_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=8192)
def _fold_char(char: str) -> str:
    """One character folded; kept, since a text has few distinct characters and every search
    result folds thousands of them."""
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

    @classmethod
    def lexeme(cls, word: str) -> str:
        """The word in a PostgreSQL tsquery, matched as ``pattern`` matches it in the text."""
        return word if cls.whole(word) else f"{word}:*"

    def every_word_tsquery(self) -> str:
        """'chi & thi & 25': every word, anywhere (words are letters and digits only)."""
        return " & ".join(self.lexeme(word) for word in self.words)

    def phrase_tsquery(self) -> str:
        """'chi <-> thi <-> 25': the words as typed, one after another; the last one may be half
        typed, the others are whole words."""
        words = self.phrase.split()
        return " <-> ".join([*words[:-1], self.lexeme(words[-1])])


class _PositionalFolding(dict[int, str]):
    """``str.translate``'s table: each character folded, what is not an ASCII letter or digit
    read as a space; filled as new characters are met."""

    def __missing__(self, codepoint: int) -> str:
        folded = _fold_char(chr(codepoint))
        self[codepoint] = "".join(c if c.isalnum() and c.isascii() else " " for c in folded)
        return self[codepoint]


_POSITIONAL = _PositionalFolding()


def _folded_with_positions(text: str) -> tuple[str, Sequence[int]]:
    """The folded text (letters and digits kept, the rest as spaces) and, for each of its
    characters, the index of the character of ``text`` it came from."""
    folded = text.translate(_POSITIONAL)
    if len(folded) == len(text):  # one character for one: nearly every text
        return folded, range(len(text))
    origins: list[int] = []
    for index, char in enumerate(text):
        origins.extend([index] * len(_POSITIONAL[ord(char)]))
    return folded, origins


def _match_spans(
    text: str, words: tuple[str, ...], folded: tuple[str, Sequence[int]] | None = None
) -> list[tuple[int, int]]:
    folded_text, origins = folded or _folded_with_positions(text)
    spans = []
    for word in words:
        end = r"(?![0-9a-z])" if FoldedQuery.whole(word) else ""
        for found in re.finditer(rf"(?<![0-9a-z]){re.escape(word)}{end}", folded_text):
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


def _phrase_start(words: tuple[str, ...], folded: tuple[str, Sequence[int]]) -> int | None:
    """Where the words first follow one another, as typed, in the folded text."""
    if len(words) < 2:
        return None
    folded_text, origins = folded
    found = re.search(r"(?<![0-9a-z])" + r" +".join(map(re.escape, words)), folded_text)
    return origins[found.start()] if found else None


def excerpt(text: str, words: tuple[str, ...], *, width: int = 260) -> SafeString:
    """About ``width`` characters around the first word found, escaped and marked; the text's
    start when no word is found."""
    folded = _folded_with_positions(text)
    spans = _match_spans(text, words, folded)
    anchor = _phrase_start(words, folded)
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
