"""Labels of the codes drafts and referrals store on timeline entries: {{ code|draft_kind }},
{{ code|referral_status }}; an unknown code shows as it is."""

from django import template

from likeverd.triage.drafts.models import DraftKind
from likeverd.triage.referrals.models import ReferralStatus

register = template.Library()


@register.filter
def draft_kind(code: str) -> str:
    return str(DraftKind(code).label) if code in DraftKind.values else str(code or "")


@register.filter
def referral_status(code: str) -> str:
    return str(ReferralStatus(code).label) if code in ReferralStatus.values else str(code or "")
