"""The project's shared source documents (seeds, legal reference, HSDS schemas), which lie beside
the checkout in `../shared` on a developer's machine and in CI.

A laptop without them skips the tests that compare against them; CI must have them and fails.
"""

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[4] / "shared"
IN_CI = os.environ.get("CI", "").lower() == "true"


def require_shared(*paths: Path) -> None:
    missing = [str(path) for path in paths if not path.exists()]
    if not missing:
        return
    message = f"the shared source documents are not beside the checkout: {', '.join(missing)}"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)
