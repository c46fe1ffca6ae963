"""Drafts and referrals on a few open demo cases of each office (issue 9, journey 5): a sorting
conversation naming other problems, a complaint or police report draft printed to .docx and
PDF, a referral made with recorded consent and one only suggested. Written through the triage
services, as an adviser would, as of now."""

import datetime as dt

from django.utils import translation

from likeverd.accounts.viewer import Viewer
from likeverd.cases.models import Case, CaseStatus
from likeverd.core import clock
from likeverd.directory.models import Service
from likeverd.triage import services as sorting_services
from likeverd.triage.drafts import selectors as draft_selectors
from likeverd.triage.drafts import services as draft_services
from likeverd.triage.drafts.models import DraftKind
from likeverd.triage.models import OtherProblem
from likeverd.triage.referrals import services as referral_services
from likeverd.triage.referrals.models import ConsentMethod, ReferralStatus, SharedField
from likeverd.triage.services import SortingAnswers

# Per case picked: the person's other problems and the draft written.
PLANS: tuple[tuple[tuple[str, ...], DraftKind], ...] = (
    (("housing",), DraftKind.COMPLAINT),
    (("violence_at_home", "residence_permit"), DraftKind.POLICE_REPORT),
    (("welfare_office",), DraftKind.EXPLANATION_REQUEST),
)
CONSENT_BY = {"NO": "Personen selv", "SE": "Personen själv"}
SHARED_TEXT = {
    "NO": "Trenger hjelp med {problem}. Ønsker å bli ringt på dagtid.",
    "SE": "Behöver hjälp med {problem}. Vill bli uppringd dagtid.",
}


def _service_for(case: Case, need: str) -> Service | None:
    return (
        Service.objects.filter(
            office__isnull=True, needs__code=need, service_areas__country=case.office.jurisdiction
        )
        .order_by("-is_urgent", "name")
        .first()
    )


def _problem(case: Case, need: str) -> str:
    with translation.override(draft_selectors.draft_language(case.office)):
        return str(OtherProblem(need).label).lower()


def add_casework(*, adviser: Viewer, cases: list[Case]) -> int:
    """Drafts and referrals on the first open cases of `cases`; returns how many cases got them."""
    open_cases = [case for case in cases if case.status != CaseStatus.CLOSED][: len(PLANS)]
    for case, (problems, kind) in zip(open_cases, PLANS, strict=False):
        sorting_services.save_sorting(
            viewer=adviser, case=case, answers=SortingAnswers(other_problems=list(problems))
        )
        fields = draft_selectors.prefill_draft(viewer=adviser, case=case, kind=kind, include_person=False)
        draft_services.save_draft(viewer=adviser, case=case, kind=kind, fields=fields)
        first, *rest = problems
        service = _service_for(case, first)
        if service is not None:
            referral = referral_services.suggest_referral(
                viewer=adviser, case=case, service=service, need=first
            )
            referral_services.make_referral(
                viewer=adviser,
                referral=referral,
                consent=referral_services.Consent(
                    given_by=CONSENT_BY.get(case.office.jurisdiction, "The person"),
                    given_at=clock.now() - dt.timedelta(minutes=5),
                    method=ConsentMethod.PHONE,
                ),
                shared_fields=[SharedField.PROBLEM],
                shared_text=SHARED_TEXT.get(case.office.jurisdiction, "Needs help with {problem}.").format(
                    problem=_problem(case, first)
                ),
            )
            referral_services.change_referral_status(
                viewer=adviser, referral=referral, to_status=ReferralStatus.ACCEPTED
            )
        for need in rest:
            other = _service_for(case, need)
            if other is not None:
                referral_services.suggest_referral(viewer=adviser, case=case, service=other, need=need)
    return len(open_cases)
