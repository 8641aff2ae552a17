"""Vietnamese names: family name first ("Nguyễn Văn A"); see ``Person.get_full_name``."""

from typing import Any


def person_name(user: Any) -> str:
    return user.get_full_name() or user.get_username()
