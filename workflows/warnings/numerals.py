"""Numbers as Vietnamese write them: '.' groups thousands, ',' marks decimals (1.477.179;
10,35%)."""

import re
from decimal import Decimal

_GROUPED_DOTS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_GROUPED_SPACES = re.compile(r"^\d{1,3}( \d{3})+$")
_PLAIN = re.compile(r"^\d+$")
_ZERO_DECIMALS = re.compile(r",0+$")
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


def whole_number_parse(value: object) -> int:
    """A count or an amount in đồng from a file cell: 1477179, '1477179', '1.477.179',
    '1 477 179' or '1.477.179,00'. Raises ValueError for anything else, negatives included."""
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int):
        return _non_negative(value)
    if isinstance(value, float | Decimal):
        if value != int(value):
            raise ValueError(value)
        return _non_negative(int(value))
    text = _ZERO_DECIMALS.sub("", str(value).translate(_SPACES).strip())
    if _PLAIN.match(text):
        return int(text)
    if _GROUPED_DOTS.match(text):
        return int(text.replace(".", ""))
    if _GROUPED_SPACES.match(text):
        return int(text.replace(" ", ""))
    raise ValueError(value)


def _non_negative(number: int) -> int:
    if number < 0:
        raise ValueError(number)
    return number


def vn_int(number: float) -> str:
    """1477179 → '1.477.179'."""
    return f"{round(float(number)):,}".replace(",", ".")


def vn_decimal(number: float, places: int = 2) -> str:
    """1.8 → '1,80'."""
    whole, _sep, fraction = f"{float(number):,.{places}f}".partition(".")
    return f"{whole.replace(',', '.')},{fraction}" if places else whole.replace(",", ".")


def vn_percent(ratio: float, places: int = 2) -> str:
    """0.1035 → '10,35%'."""
    return f"{vn_decimal(ratio * 100, places)}%"


def vn_signed_percent(ratio: float, places: int = 2) -> str:
    """0.1035 → '+10,35%', -0.02 → '-2,00%'."""
    sign = "+" if ratio >= 0 else "-"
    return f"{sign}{vn_percent(abs(ratio), places)}"
