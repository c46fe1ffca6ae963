# Likeverd's developer commands. `make demo` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
BIN := $(VENV)/bin
# Written after a successful install, so an interrupted install is retried on the next run.
INSTALLED := $(VENV)/.installed
PYTEST_ARGS ?=
TEST_WORKERS ?= 2

# Playwright drives Debian's /usr/bin/chromium; it must never fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: help install demo test lint lint-ruff lint-format lint-types lint-imports \
	lint-migrations check-translations bench messages clean

help:
	@echo "make demo      install, migrate, load demo data, serve http://127.0.0.1:8000"
	@echo "make test      install and run the whole suite (DATABASE_URL picks the engine; SQLite by default)"
	@echo "make lint      ruff, ruff format, mypy, import-linter, missing migrations, translations"
	@echo "make bench     speed and memory at scale"
	@echo "make messages  update the nb and sv translation catalogues (needs gettext)"
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

demo: install
	LIKEVERD_DEBUG=1 $(BIN)/likeverd migrate --no-input
	LIKEVERD_DEBUG=1 $(BIN)/likeverd demo
	LIKEVERD_DEBUG=1 $(BIN)/likeverd runserver 127.0.0.1:8000

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

check-translations: $(INSTALLED)
	@if [ -f likeverd/core/tests/test_translations.py ]; then \
		$(BIN)/pytest -q likeverd/core/tests/test_translations.py; \
	else \
		echo "check-translations: no translation checks yet"; \
	fi

bench: install
	@if [ -d benchmarks ]; then \
		$(BIN)/python -m benchmarks; \
	else \
		echo "bench: no benchmarks/ yet"; \
	fi

messages: install
	cd likeverd && DJANGO_SETTINGS_MODULE=likeverd.config.settings_test $(abspath $(BIN))/likeverd makemessages \
		-l nb -l sv --no-location --ignore='*/tests/*'
	@$(BIN)/python scripts/compile_translations.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache .hypothesis test-results build dist *.egg-info
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
