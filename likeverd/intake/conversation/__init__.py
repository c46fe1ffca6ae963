"""Messages between the person who reported (with their receipt code alone) and the office: the
reporter's pages, the staff's reply and the case page's section, over `services` (writes and the
audited reads of message text). A container of its own, so that import-linter keeps its views
over its forms over its services.

The services are named here too, for the demo data and tests that write messages.
"""

from likeverd.intake.conversation.services import (
    FROM_REPORTER_KIND,
    TO_REPORTER_KIND,
    reply_to_reporter,
    reporter_conversation,
    staff_conversation,
    write_to_office,
)

__all__ = [
    "FROM_REPORTER_KIND",
    "TO_REPORTER_KIND",
    "reply_to_reporter",
    "reporter_conversation",
    "staff_conversation",
    "write_to_office",
]
