"""Browser tests drive Debian's Chromium through Playwright against Django's live server.

Playwright never downloads a browser here: the tests use /usr/bin/chromium (apt package
`chromium`). In CI a missing Chromium fails the run, so browser tests cannot silently vanish;
on a laptop without it they are skipped with the reason.
"""

import os
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"

# Keeps Chromium from calling home, so a test that sees a request to another host has found
# one the page itself made.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found: install Debian's chromium package to run browser tests"
        if IN_CI:
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return {
        "headless": True,
        **browser_type_launch_args,
        "executable_path": str(CHROMIUM),
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(autouse=True)
def _restore_migrated_data(django_db_serialized_rollback: None) -> None:
    """The live server's tests empty the database after each test; reload what migrations put there.

    Without this, a browser test that runs after another one would find no taxonomy terms or
    other rows created by data migrations.
    """
