"""Configuration, health reporting, languages and security headers."""

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from django.core.exceptions import ImproperlyConfigured
from django.test import Client
from django.utils import formats, translation

from coordination.settings.env import env_bool, env_int, env_list


def _start_production(**env: str) -> subprocess.CompletedProcess[str]:
    ignored = {"SECRET_KEY", "DEBUG", "SIGNING_KEYS_DIR"}
    clean = {k: v for k, v in os.environ.items() if k not in ignored}
    clean.update(env, DJANGO_SETTINGS_MODULE="coordination.settings.production")
    code = "import django; django.setup()"
    return subprocess.run(
        [sys.executable, "-c", code], env=clean, capture_output=True, text=True, check=False
    )


def test_production_refuses_to_start_without_a_secret_key() -> None:
    result = _start_production()
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_debug() -> None:
    result = _start_production(SECRET_KEY="x" * 50, DEBUG="true")
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_refuses_the_development_signing_certificates() -> None:
    result = _start_production(SECRET_KEY="k" * 50)
    assert result.returncode != 0
    assert "SIGNING_KEYS_DIR" in result.stderr


def test_production_starts_with_a_real_key_and_real_certificates(tmp_path: Path) -> None:
    assert _start_production(SECRET_KEY="k" * 50, SIGNING_KEYS_DIR=str(tmp_path)).returncode == 0


def test_env_helper_names_the_variable_it_cannot_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORKERS", "many")
    with pytest.raises(ImproperlyConfigured, match="WORKERS"):
        env_int("WORKERS", 1)
    monkeypatch.setenv("FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured, match="FLAG"):
        env_bool("FLAG", False)
    monkeypatch.setenv("HOSTS", "a.example, b.example,")
    assert env_list("HOSTS", []) == ["a.example", "b.example"]


def test_healthz_reports_database_and_queue(db: None) -> None:
    response = Client().get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["status"] == "ok"
    assert body["database"]["ok"] is True
    assert body["task_queue"] == {
        "ok": True,
        "waiting": 0,
        "running": 0,
        "failed": 0,
        "oldest_waiting_age_seconds": 0.0,
    }


def test_vietnamese_dates_and_numbers_by_default() -> None:
    with translation.override("vi"):
        assert formats.date_format(date(2020, 1, 5), "SHORT_DATE_FORMAT") == "05/01/2020"
        assert formats.number_format(1477179, use_l10n=True, force_grouping=True) == "1.477.179"
        assert formats.number_format(Decimal("93.35"), 2, use_l10n=True) == "93,35"


def test_pages_carry_a_content_security_policy(db: None) -> None:
    response = Client().get("/healthz")
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
