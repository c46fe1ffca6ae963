"""The case page's section "Drafts and referrals" (journey 5, "Act") and the timeline kinds of
drafts and referrals, registered in TriageConfig.ready() through likeverd.cases.registry."""

from django.utils.translation import gettext_lazy as _

from likeverd.accounts.viewer import Viewer
from likeverd.cases import registry
from likeverd.cases.access import can_edit
from likeverd.cases.models import Case
from likeverd.cases.selectors import known_empty
from likeverd.triage.drafts import selectors as draft_selectors
from likeverd.triage.drafts import services as draft_services
from likeverd.triage.referrals import selectors as referral_selectors
from likeverd.triage.referrals import services as referral_services


def case_section(viewer: Viewer, case: Case) -> dict[str, object] | None:
    """Saved drafts (kind, version, files) and referrals (receiver, status), shown with the case,
    which the page has read and audited; no personal data of the person is decrypted here."""
    versions = [] if known_empty(case, "draft_versions") else draft_selectors.list_drafts(case=case)
    referrals = [] if known_empty(case, "referrals") else referral_selectors.list_referrals(case=case)
    latest: dict[str, object] = {}
    for version in versions:  # newest first within each kind
        latest.setdefault(version.kind, version)
    return {
        "act_drafts": list(latest.values()),
        "act_referrals": [(referral, referral_selectors.receiver_name(referral)) for referral in referrals],
        "act_can_edit": can_edit(viewer, case),
    }


def register() -> None:
    registry.register_event_kind(
        draft_services.EVENT_KIND, label=_("Draft saved"), template="triage/events/draft_saved.html"
    )
    registry.register_event_kind(
        referral_services.EVENT_KIND, label=_("Referral"), template="triage/events/referral.html"
    )
    registry.register_case_section(
        "triage_act",
        template="triage/act_section.html",
        context=case_section,
        order=55,
        present=("draft_versions", "referrals"),
    )
