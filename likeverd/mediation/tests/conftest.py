from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _pages_in_english() -> Iterator[None]:
    """Addresses are reversed under /en/, so pages answer in English and the assertions can read them."""
    with translation.override("en"):
        yield
