"""Dates in a browser set to American English: the pages of a Norwegian office write and read
them day first on the 24-hour clock, and date fields are text, not drawn by the browser."""

import datetime as dt
from collections.abc import Callable

from django.utils import timezone
from playwright.sync_api import BrowserContext, expect

from likeverd.accounts.models import User
from likeverd.cases.models import Case
from likeverd.core import clock


def test_an_american_browser_types_and_reads_dates_day_first(
    new_context: Callable[..., BrowserContext],
    sign_in: Callable[[BrowserContext, User], None],
    adviser: User,
    worked_case: Case,
    app_url: Callable[[str], str],
) -> None:
    context = new_context(locale="en-US", timezone_id="America/New_York")
    sign_in(context, adviser)
    page = context.new_page()
    page.goto(app_url(f"/cases/{worked_case.public_id}/"))

    received = timezone.localtime(worked_case.received_at)
    expect(page.locator(".facts").first).to_contain_text(f"Received{received:%d.%m.%Y %H:%M}")
    expect(page.get_by_role("region", name="Parties")).to_contain_text("Norwegian Bokmål")

    tasks = page.get_by_role("region", name="Tasks")
    tasks.get_by_text("Add a task").click()
    due = tasks.get_by_label("Due")
    expect(due).to_have_attribute("type", "text")
    expect(tasks).to_contain_text(f"For example {clock.today():%d.%m.%Y}.")
    early_next_month = (clock.today().replace(day=1) + dt.timedelta(days=32)).replace(day=3)
    tasks.get_by_label("What needs to be done").fill("Ring nemnda")
    due.fill(f"{early_next_month:%d.%m.%y}")
    tasks.get_by_role("button", name="Add task").click()

    row = page.get_by_role("region", name="Tasks").get_by_role("row", name="Ring nemnda")
    expect(row).to_contain_text(f"{early_next_month:%d.%m.%Y}")
