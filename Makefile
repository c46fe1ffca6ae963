# Likeverd's developer commands. `make demo` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
# Written after a successful install, so an interrupted install is retried on the next run.
INSTALLED := $(VENV)/.installed
PYTEST_ARGS ?=
TEST_WORKERS ?= 2
# `make demo PORT=8123` serves on another port; `make demo DEBUG=1` shows Django's debug pages
# instead of the friendly error pages.
PORT ?= 8000
DEBUG ?=
# The demo is a local installation (throwaway secrets in ./var, plain HTTP on localhost, static
# files from the source tree) with DEBUG off, so it shows the pages a person meets in production.
DEMO_ENV := LIKEVERD_LOCAL=1 $(if $(DEBUG),LIKEVERD_DEBUG=1)
DEMO_URL := http://127.0.0.1:$(PORT)/

# Playwright drives Debian's /usr/bin/chromium; it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help install demo test coverage lint lint-ruff lint-format lint-types lint-imports \
	lint-migrations check-translations bench bench-intake bench-report messages clean

help:
	@echo "make demo      install, migrate, load demo data, serve http://127.0.0.1:8000 (PORT=8123 for"
	@echo "               another port) with the task worker beside the web server"
	@echo "make test      install and run the whole suite (DATABASE_URL picks the engine; SQLite by default)"
	@echo "make coverage  the suite under coverage, with a floor for services, selectors and access checks"
	@echo "make lint      ruff, ruff format, mypy, import-linter, missing migrations, translations"
	@echo "make bench     speed and memory at scale: 100,000 cases in one office (QUICK=1: 3,000, a short"
	@echo "               run; SCALE=1m: 1,000,000 cases over 50 offices); DATABASE_URL picks the engine"
	@echo "make bench-intake  public reports per second through gunicorn (QUICK=1: under two minutes)"
	@echo "make bench-report  one office's and the network's annual report beside the bare SQL aggregate"
	@echo "               (1,000,000 cases over 50 offices; SCALE=100k: 100,000 over 10; QUICK=1: 5,000 over 5)"
	@echo "make messages  update the translation catalogues (needs gettext)"
	@echo "make clean     remove the virtualenv, caches and ./var"

$(INSTALLED): pyproject.toml scripts/find-python
	@if ! $(BIN)/python -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then \
		python=$$(scripts/find-python) || exit 1; \
		echo "Creating $(VENV) with $$python"; \
		rm -rf $(VENV) && "$$python" -m venv $(VENV) || exit 1; \
	fi
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@

install: $(INSTALLED)
	@$(BIN)/python scripts/compile_translations.py

# The task worker runs in the background while the web server runs, and stops with it (Ctrl-C,
# or the server failing to start). Without a mail server the worker prints e-mail to the console.
demo: install
	$(DEMO_ENV) $(BIN)/likeverd migrate --no-input
	$(DEMO_ENV) LIKEVERD_DEMO_URL=$(DEMO_URL) $(BIN)/likeverd demo
	@echo "Likeverd demo: $(DEMO_URL) (the task worker runs beside the web server; Ctrl-C stops both)"
	@echo "The code for a demo login, any time: LIKEVERD_LOCAL=1 $(BIN)/likeverd democode adviser.oslo"
	@$(DEMO_ENV) $(BIN)/likeverd db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	$(DEMO_ENV) $(BIN)/likeverd runserver 127.0.0.1:$(PORT)

# Browser tests run in the same parallel pass: each worker starts its own live server and
# Chromium, and pytest-django runs the live-server tests after the others in each worker.
test: install
	$(BIN)/pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

# -k: run every check and report all failures, not just the first.
lint: install
	@$(MAKE) --no-print-directory -k lint-ruff lint-format lint-types lint-imports lint-migrations \
		check-translations

lint-ruff: $(INSTALLED)
	$(BIN)/ruff check .

lint-format: $(INSTALLED)
	$(BIN)/ruff format --check .

lint-types: $(INSTALLED)
	$(BIN)/mypy likeverd tests conftest.py scripts $(wildcard benchmarks)

lint-imports: $(INSTALLED)
	$(BIN)/lint-imports

lint-migrations: $(INSTALLED)
	DJANGO_SETTINGS_MODULE=likeverd.config.settings_test $(BIN)/likeverd makemigrations --check --dry-run

# What the suite runs of the code (browser tests included; code run only in a subprocess, such as
# gunicorn or a management command started as a process, is not counted). The floor holds for
# the rules: every services and selectors module, and the access checks (cases.access, the
# office gate, the permission decorators). Raise COVERAGE_FLOOR as tests are added.
COVERAGE_FLOOR ?= 93
COVERAGE_RULES := */services.py,*/services/*.py,*/selectors.py,*/selectors/*.py,*/cases/access.py,*/accounts/viewer.py,*/accounts/permissions.py
coverage: install
	$(BIN)/pytest -n $(TEST_WORKERS) --cov --cov-report= $(PYTEST_ARGS)
	$(BIN)/coverage report --include='$(COVERAGE_RULES)' --fail-under=$(COVERAGE_FLOOR)
	$(BIN)/coverage report --skip-covered --sort=cover | tail -n 25

check-translations: $(INSTALLED)
	@if [ -f likeverd/core/tests/test_translations.py ]; then \
		$(BIN)/pytest -q likeverd/core/tests/test_translations.py likeverd/intake/tests/test_translations.py; \
	else \
		echo "check-translations: no translation checks yet"; \
	fi

# QUICK=1 and SCALE=1m are read by the benchmark itself; BENCH_ARGS passes more (e.g.
# BENCH_ARGS="--cases 20000 --offices 50" for the 1m mode's shape at a smaller size).
BENCH_ARGS ?=
bench: install
	@if [ -d benchmarks ]; then \
		$(BIN)/python -m benchmarks $(BENCH_ARGS); \
	else \
		echo "bench: no benchmarks/ yet"; \
	fi

# Public reports per second through gunicorn at 1, 4 and 16 clients (SQLite, and PostgreSQL when
# DATABASE_URL names it) against the bare Argon2id hash rate; QUICK=1 runs in under two minutes.
bench-intake: install
	$(BIN)/python -m benchmarks.intake

# The annual report (report_tables, disclosure-controlled) for one office and for the network,
# each beside the same GROUP BY counts as raw SQL in the same run; last line `report: ratio=R`.
bench-report: install
	$(BIN)/python -m benchmarks.report $(BENCH_ARGS)

# Staff screens in nb and sv (English is the source); the public pages (likeverd/intake, its own
# catalogues in likeverd/intake/locale) also in the languages of the people the offices serve.
PUBLIC_LANGUAGES := nb sv ar so pl uk ur ti

messages: install
	cd likeverd && DJANGO_SETTINGS_MODULE=likeverd.config.settings_test $(abspath $(BIN))/likeverd makemessages \
		-l nb -l sv --no-location --ignore='*/tests/*'
	cd likeverd/intake && DJANGO_SETTINGS_MODULE=likeverd.config.settings_test $(abspath $(BIN))/likeverd makemessages \
		$(addprefix -l ,$(PUBLIC_LANGUAGES)) --no-location --ignore='tests/*'
	@$(BIN)/python scripts/compile_translations.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache .hypothesis test-results build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
