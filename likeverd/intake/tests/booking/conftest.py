from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_addresses() -> Iterator[None]:
    """Pages at /en/..., so the tests read the words of the code (translations are tested apart)."""
    with translation.override("en"):
        yield
