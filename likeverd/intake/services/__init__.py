"""Writes of the public site: the office admin's page texts, and reports from the public form.

Every name is re-exported here: `from likeverd.intake.services import submit_report`.
"""

from likeverd.intake.services.page_texts import MAX_TEXT_LENGTH, save_office_page_text
from likeverd.intake.services.reporting import (
    CONSENT_VERSION,
    Evidence,
    ReportInput,
    accept_report,
    confirmation_for,
    delete_expired_confirmations,
    notify_office,
    submit_report,
)
from likeverd.intake.services.throttle import (
    Counted,
    RateLimitedError,
    count_submission,
    delete_expired_counts,
    refuse_if_limited,
)

__all__ = [
    "CONSENT_VERSION",
    "MAX_TEXT_LENGTH",
    "Counted",
    "Evidence",
    "RateLimitedError",
    "ReportInput",
    "accept_report",
    "confirmation_for",
    "count_submission",
    "delete_expired_confirmations",
    "delete_expired_counts",
    "notify_office",
    "refuse_if_limited",
    "save_office_page_text",
    "submit_report",
]
