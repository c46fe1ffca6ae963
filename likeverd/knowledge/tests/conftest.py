from collections.abc import Iterator

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _in_english() -> Iterator[None]:
    """Messages in English (the source language), so the assertions can read them."""
    with translation.override("en"):
        yield
