# The README's two commands: `make run` (set up and run the demo) and `make test` (the whole suite).
# Both install what they need on a fresh Debian machine, as root: apt packages, a virtualenv,
# the pinned Python packages.

SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
HOST ?= 127.0.0.1
# pytest-xdist workers: one per core (each with its own test database and media folder).
PYTEST_WORKERS ?= auto
APT_RUN := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fontconfig gettext
APT_TEST := $(APT_RUN) chromium poppler-utils
STAMP := $(VENV)/.installed-$(shell cat pyproject.toml | md5sum | cut -c1-12)

.PHONY: run test setup setup-test lint check-migrations pytest worker clean

run: setup
	@mkdir -p var
	$(PY) manage.py migrate --noinput -v0
	$(PY) manage.py compilemessages -v0 --ignore=.venv
	SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}" $(PY) manage.py seed_demo
	@SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}" bash scripts/run_demo.sh "$(HOST)" "$(PORT)"

test: setup-test lint check-migrations pytest

setup:
	@bash scripts/apt_install.sh $(APT_RUN)
	@$(MAKE) --no-print-directory $(STAMP)

setup-test:
	@bash scripts/apt_install.sh $(APT_TEST)
	@$(MAKE) --no-print-directory $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "$(PYTHON) is required"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[test]"
	@rm -f $(VENV)/.installed-* && touch $@

# The service layer (every change and every read of the machines), type-checked with django-stubs.
SERVICE_LAYER = $(wildcard workflows/*/services.py workflows/*/services/*.py workflows/*/selectors.py \
	workflows/*/rules.py coordination/organisation/selectors.py coordination/portal/publishing.py \
	coordination/portal/questions.py coordination/portal/receipts.py coordination/portal/status.py \
	coordination/portal/caching.py coordination/portal/signals.py \
	coordination/portal/faq/services.py coordination/portal/faq/selectors.py coordination/portal/faq/rules.py)

lint:
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .
	$(VENV)/bin/mypy $(SERVICE_LAYER)

check-migrations:
	@mkdir -p var
	DJANGO_SETTINGS_MODULE=coordination.settings.test $(PY) manage.py makemigrations --check --dry-run

pytest:
	@mkdir -p var
	$(PY) manage.py compilemessages -v0 --ignore=.venv
	@$(VENV)/bin/pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest collected no tests: failing" >&2; exit 1; fi; \
	exit $$status

worker:
	$(PY) manage.py db_worker

clean:
	rm -rf $(VENV) var static
