"""Vietnamese is the default language and every string of ours is translated."""

from pathlib import Path

import polib

from django.conf import settings
from django.test import Client
from django.utils import translation

from workflows.documents.models import DocumentState

BASE = Path(settings.BASE_DIR)
CATALOGUES = sorted(
    path
    for package in ("coordination", "workflows", "reports")
    for path in (BASE / package).glob("**/locale/vi/LC_MESSAGES/django.po")
) + [BASE / "locale" / "vi" / "LC_MESSAGES" / "django.po"]


def test_every_string_has_a_vietnamese_translation() -> None:
    """The project's catalogue and each app's own catalogue are complete, with nothing fuzzy."""
    for path in CATALOGUES:
        catalogue = polib.pofile(str(path))
        untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
        fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
        assert (path.name, untranslated, fuzzy) == (path.name, [], [])


def test_vietnamese_is_the_default_and_english_is_available(db: None) -> None:
    assert settings.LANGUAGE_CODE == "vi"
    with translation.override("vi"):
        assert str(DocumentState.AWAITING_SIGNATURE.label) == "Chờ ký"
    with translation.override("en"):
        assert str(DocumentState.AWAITING_SIGNATURE.label) == "Awaiting signature"
    login_page = Client().get("/admin/login/").content.decode()
    assert 'lang="vi"' in login_page
