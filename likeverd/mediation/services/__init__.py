"""Every write of the mediation bench, one module per topic: referral.py (the gate, the mediator,
the counterpart, handing back and closing), work.py (consent, talks, notes, outcome, follow-up),
meetings.py (meetings and their invitations), agreement.py. Each checks the viewer's permission
and office, writes atomically with its audit row, and writes codes only to the case's timeline.
"""

from likeverd.mediation.services.agreement import (
    agreement_pdf,
    draft_text,
    read_signed,
    save_agreement,
    signed_files,
    upload_signed,
)
from likeverd.mediation.services.common import BENCH_EVENT
from likeverd.mediation.services.history import record_past_referral
from likeverd.mediation.services.meetings import (
    MeetingPlan,
    cancel_meeting,
    mark_meeting_held,
    reschedule_meeting,
    schedule_meeting,
)
from likeverd.mediation.services.referral import (
    GateClosedError,
    assign_mediator,
    close_after_bench,
    refer_to_bench,
    return_to_adviser,
    update_counterpart,
)
from likeverd.mediation.services.work import (
    add_note,
    add_talk,
    record_consent,
    record_follow_up,
    record_outcome,
    withdraw_consent,
)

__all__ = [
    "BENCH_EVENT",
    "GateClosedError",
    "MeetingPlan",
    "add_note",
    "add_talk",
    "agreement_pdf",
    "assign_mediator",
    "cancel_meeting",
    "close_after_bench",
    "draft_text",
    "mark_meeting_held",
    "read_signed",
    "record_consent",
    "record_follow_up",
    "record_outcome",
    "record_past_referral",
    "refer_to_bench",
    "reschedule_meeting",
    "return_to_adviser",
    "save_agreement",
    "schedule_meeting",
    "signed_files",
    "update_counterpart",
    "upload_signed",
    "withdraw_consent",
]
