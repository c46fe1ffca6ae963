"""Property: whatever grants an office records for a year, its income table adds up."""

from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from likeverd.accounts.models import Office, User
from likeverd.accounts.tests.factories import viewer_of
from likeverd.outreach import selectors, services
from likeverd.outreach.models import Funder, Grant

pytestmark = pytest.mark.django_db

amounts = st.decimals(min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False)
grant_rows = st.lists(
    st.tuples(st.integers(min_value=0, max_value=3), amounts, amounts, amounts, amounts),
    min_size=0,
    max_size=8,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=grant_rows, moved=st.booleans())
def test_the_income_table_total_is_the_sum_of_the_grants_income(
    office: Office,
    other_office: Office,
    coordinator: User,
    other_coordinator: User,
    rows: list[tuple[int, Decimal, Decimal, Decimal, Decimal]],
    moved: bool,
) -> None:
    with transaction.atomic():
        viewer = viewer_of(coordinator)
        funders = [services.save_record(viewer, Funder(), fields={"name": f"Funder {n}"}) for n in range(4)]
        for funder_index, received, carried_in, carried_out, repaid in rows:
            fields = {
                "funder": funders[funder_index],
                "year": 2025,
                "granted": received,
                "received": received,
            }
            if moved:  # carried over from and on to other years, and repaid
                fields |= {"carried_in": carried_in, "carried_out": carried_out, "repaid": repaid}
            services.save_record(viewer, Grant(), fields=fields)
        # Another office's grant in the same year never counts.
        bergen = viewer_of(other_coordinator)
        elsewhere = services.save_record(bergen, Funder(), fields={"name": "Funder 0"})
        services.save_record(
            bergen, Grant(), fields={"funder": elsewhere, "year": 2025, "received": Decimal(999)}
        )

        table = selectors.income_table(viewer, year=2025)

        received_total = sum((r[1] for r in rows), Decimal(0))
        # Nothing moved between years: the income is what was received.
        moved_total = sum((r[1] + r[2] - r[3] - r[4] for r in rows), Decimal(0))
        expected = moved_total if moved else received_total
        assert table.total == expected
        assert sum((row.amount for row in table.rows), Decimal(0)) == table.total
        assert sum((row.received for row in table.rows), Decimal(0)) == received_total
        assert len(table.rows) == len({r[0] for r in rows})
        transaction.set_rollback(True)
