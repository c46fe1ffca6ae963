"""The bench's screens, by who uses them: the adviser's (sending a case to the bench, closing it
after), the bench page of one case and its small forms (mediators), meetings, and the mediator's
view with its week calendar. Thin: the services decide and audit; forms post once."""

from likeverd.mediation.views.adviser import change_mediator, close, refer, withdraw_referral
from likeverd.mediation.views.bench import (
    agreement_pdf,
    bench_agreement,
    bench_consent,
    bench_counterpart,
    bench_follow,
    bench_meeting,
    bench_note,
    bench_outcome,
    bench_signed,
    bench_talk,
    bench_withdraw,
    hand_back,
    referral_page,
    signed_download,
    take,
)
from likeverd.mediation.views.meetings import meeting_cancel, meeting_change, meeting_held
from likeverd.mediation.views.workbench import workbench

__all__ = [
    "agreement_pdf",
    "bench_agreement",
    "bench_consent",
    "bench_counterpart",
    "bench_follow",
    "bench_meeting",
    "bench_note",
    "bench_outcome",
    "bench_signed",
    "bench_talk",
    "bench_withdraw",
    "change_mediator",
    "close",
    "hand_back",
    "meeting_cancel",
    "meeting_change",
    "meeting_held",
    "refer",
    "referral_page",
    "signed_download",
    "take",
    "withdraw_referral",
    "workbench",
]
