import pytest

from likeverd.accounts.models import Office
from likeverd.taxonomy.services import create_default_reporting_categories


@pytest.fixture
def oslo(office: Office) -> Office:
    """The Oslo office with the default areas of society (DiMe's 2019 report's)."""
    create_default_reporting_categories(office=office)
    return office


@pytest.fixture
def bergen(other_office: Office) -> Office:
    create_default_reporting_categories(office=other_office)
    return other_office


@pytest.fixture
def malmo(swedish_office: Office) -> Office:
    create_default_reporting_categories(office=swedish_office)
    return swedish_office
