"""Quarters of the calendar year, written ``2023Q4`` in files and commands and ``IV/2023`` in
letters."""

import re
from dataclasses import dataclass

ROMAN = ("I", "II", "III", "IV")
_PATTERN = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]\s*([1-4])\s*$")


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        """'2023Q4' (or '2023-Q4'); anything else raises ValueError."""
        match = _PATTERN.match(text or "")
        if match is None:
            raise ValueError(f"not a quarter: {text!r}; write it as 2023Q4")
        return cls(int(match.group(1)), int(match.group(2)))

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    @property
    def roman(self) -> str:
        """'IV/2023', as letters write it after 'quý'."""
        return f"{ROMAN[self.number - 1]}/{self.year}"

    @property
    def same_quarter_last_year(self) -> "Quarter":
        return Quarter(self.year - 1, self.number)

    @property
    def year_to_date(self) -> tuple["Quarter", ...]:
        return tuple(Quarter(self.year, n) for n in range(1, self.number + 1))
