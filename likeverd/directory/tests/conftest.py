from collections.abc import Iterator

import pytest
from django.utils import translation

from likeverd.directory.models import Service
from likeverd.directory.seed import load_seed
from likeverd.directory.sync import apply_directory, live_model


@pytest.fixture(autouse=True)
def _pages_in_english() -> Iterator[None]:
    """Addresses are reversed under /en/, so pages answer in English and the assertions can read them."""
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _network_directory(request: pytest.FixtureRequest) -> None:
    """The network's directory, as the data migration loads it, for every test with a database.

    A transactional test elsewhere in the same worker empties the tables the migration filled;
    loading is idempotent, and skipped when the rows are there.
    """
    if request.node.get_closest_marker("django_db") is None and "db" not in request.fixturenames:
        return
    request.getfixturevalue("db")
    if not Service.objects.filter(office__isnull=True).exists():
        apply_directory(load_seed(), office_id=None, get_model=live_model, update_need_labels=True)
