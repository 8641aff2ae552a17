"""Vietnamese names: family name first ("Nguyễn Văn A"), unlike Django's first + last."""

from typing import Any


def person_name(user: Any) -> str:
    name = " ".join(part for part in (user.last_name, user.first_name) if part)
    return name or user.get_username()
