"""The mediation bench in the demo: bench cases in every stage in each office.

The cases the plan sent to mediation (cases.py) get their referral here, as it would have been
made past the gate (the facts and the legal routes recorded); a few cases in advice or assistance
are sent through the real gate (refer_to_bench, with the adviser's reason the assessment is not
needed); every later step goes through the bench's services, at the time it happened. Meetings
invite nobody by e-mail, so the demo sends no mail.
"""

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone

from likeverd.cases.models import Case, CaseStatus, Outcome
from likeverd.core import clock
from likeverd.mediation import services
from likeverd.mediation.models import (
    BenchKind,
    BenchOutcome,
    BenchReferral,
    ConsentManner,
    PlaceKind,
    Side,
    Stage,
)
from likeverd.setup.demo.context import OfficeContext, at

REASONS_NB = (
    "Begge parter ønsker å snakke sammen, og klienten kjenner klagefristene.",
    "Klienten vil heller ha en unnskyldning enn en klagesak.",
)
REASONS_SV = (
    "Båda parterna vill prata med varandra, och klienten känner till fristerna.",
    "Klienten vill hellre ha en ursäkt än ett ärende hos DO.",
)
TALKS_NB = (
    "Klienten forteller at hun vil møte naboen med en tolk til stede.",
    "Motparten beklager og vil møtes.",
)
TALKS_SV = ("Klienten vill träffa grannen med tolk närvarande.", "Motparten beklagar och vill träffas.")
WAIVER_NB = "Konflikt i borettslaget uten påstand om diskriminering; sorteringssamtalen var kort og nok."
WAIVER_SV = "Konflikt i föreningen utan påstående om diskriminering; sorteringssamtalet var kort och räckte."
AGREEMENT_NB = "1. Partene hilser på hverandre i oppgangen.\n2. Motparten tar ned lappen på oppslagstavla."
AGREEMENT_SV = "1. Parterna hälsar på varandra i trapphuset.\n2. Motparten tar ner lappen på anslagstavlan."


def _plan(start: dt.datetime, place: str) -> services.MeetingPlan:
    return services.MeetingPlan(
        starts_at=start,
        ends_at=start + dt.timedelta(hours=2),
        place_kind=PlaceKind.NEUTRAL if place else PlaceKind.OFFICE,
        place=place,
        participants="Begge parter, megleren",
    )


def _at_ten(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def _consent_both(context: OfficeContext, referral: BenchReferral, day: dt.date) -> None:
    for side in Side.values:
        services.record_consent(
            viewer=context.mediator, referral=referral, side=side, given_on=day, manner=ConsentManner.PHONE
        )


def _talks(context: OfficeContext, referral: BenchReferral, day: dt.date, nb: bool) -> None:
    for side, note in zip(Side.values, TALKS_NB if nb else TALKS_SV, strict=True):
        services.add_talk(viewer=context.mediator, referral=referral, side=side, held_on=day, note=note)


def _existing_referral(
    context: OfficeContext, case: Case, rng: random.Random, nb: bool, stage: str
) -> BenchReferral:
    """The referral of a case the plan put at the bench, as the adviser made it then."""
    referred_at = case.updated_at
    return BenchReferral.objects.create(
        case=case,
        office=context.office,
        kind=BenchKind.DISCRIMINATION,
        stage=stage,
        reasons=rng.choice(REASONS_NB if nb else REASONS_SV),
        routes_told_on=timezone.localdate(referred_at),
        referred_by=context.advisers[0].user,
        referred_at=referred_at,
        mediator=context.mediator.user,
        outcome=BenchOutcome.AGREEMENT if stage == Stage.CLOSED else "",
        outcome_at=referred_at if stage == Stage.CLOSED else None,
        returned_at=referred_at if stage == Stage.CLOSED else None,
    )


def _last_years_bench(
    context: OfficeContext, rng: random.Random, nb: bool, today: dt.date, *, exclude: list[int]
) -> int:
    """Last year's closed bench cases (a few of the cases closed as mediated or resolved), so last
    year's annual report has the bench's areas and outcomes: referred ten days after the case came
    in, concluded two weeks later. One INSERT."""
    first = timezone.make_aware(dt.datetime(today.year - 1, 1, 1))  # noqa: DTZ001
    until = timezone.make_aware(dt.datetime(today.year, 1, 1))  # noqa: DTZ001
    cases = list(
        Case.objects.filter(
            office=context.office,
            status=CaseStatus.CLOSED,
            outcome__in=[Outcome.MEDIATED, Outcome.RESOLVED],
            received_at__gte=first,
            received_at__lt=until,
        )
        .exclude(pk__in=exclude)
        .order_by("received_at")[:6]
    )
    outcomes = [BenchOutcome.AGREEMENT, BenchOutcome.RESOLVED_IN_PREPARATION, BenchOutcome.NO_AGREEMENT]
    referrals = []
    for index, case in enumerate(cases):
        referred_at = min(case.received_at + dt.timedelta(days=10), case.updated_at)
        concluded = min(referred_at + dt.timedelta(days=14), case.updated_at)
        referrals.append(
            BenchReferral(
                case=case,
                office=context.office,
                kind=BenchKind.DISCRIMINATION,
                stage=Stage.CLOSED,
                reasons=rng.choice(REASONS_NB if nb else REASONS_SV),
                routes_told_on=timezone.localdate(referred_at),
                referred_by=context.advisers[0].user,
                referred_at=referred_at,
                mediator=context.mediator.user,
                outcome=BenchOutcome.AGREEMENT if case.outcome == Outcome.MEDIATED else outcomes[index % 3],
                outcome_at=concluded,
                returned_at=concluded,
            )
        )
    BenchReferral.objects.bulk_create(referrals)
    return len(referrals)


def load_bench(context: OfficeContext, rng: random.Random, now: dt.datetime) -> int:
    """Bench cases in every stage for the office of `context`; returns how many referrals."""
    nb = context.spec.jurisdiction == "NO"
    today = timezone.localdate(now)
    office_cases = Case.objects.filter(office=context.office)
    at_bench = list(office_cases.filter(status=CaseStatus.MEDIATION).order_by("received_at")[:3])
    mediated = list(office_cases.filter(status=CaseStatus.CLOSED, outcome=Outcome.MEDIATED)[:2])
    # At most half the office's cases in advice or assistance, so a small demo keeps some there.
    in_work = list(
        office_cases.filter(status__in=[CaseStatus.ADVICE, CaseStatus.ASSISTANCE]).order_by("received_at")[:8]
    )
    waiting = in_work[: len(in_work) // 2]
    count = 0
    with transaction.atomic():
        # The plan's bench cases: referred, preparing, and a meeting next week.
        for index, case in enumerate(at_bench):
            referral = _existing_referral(context, case, rng, nb, Stage.REFERRED)
            if index == 0:
                referral.mediator = None  # waits for a mediator
                referral.save(update_fields=["mediator"])
            if index >= 1:
                _consent_both(context, referral, today - dt.timedelta(days=5))
                _talks(context, referral, today - dt.timedelta(days=4), nb)
            if index == 2:
                services.schedule_meeting(
                    viewer=context.mediator,
                    referral=referral,
                    plan=_plan(
                        _at_ten(today + dt.timedelta(days=3)), "Biblioteket, grupperom 2" if nb else ""
                    ),
                )
            count += 1
        for case in mediated:
            _existing_referral(context, case, rng, nb, Stage.CLOSED)
            count += 1
        count += _last_years_bench(context, rng, nb, today, exclude=[case.pk for case in mediated])
    # Cases sent through the real gate, then taken to an outcome, a follow-up and back.
    for index, case in enumerate(waiting):
        started = now - dt.timedelta(days=40 - index * 5)
        with at(started), transaction.atomic():
            referral = services.refer_to_bench(
                viewer=context.advisers[0],
                case=case,
                kind=BenchKind.NEIGHBOURS if index % 2 else BenchKind.TICKET_OR_POLICE_CHECK,
                reasons=rng.choice(REASONS_NB if nb else REASONS_SV),
                routes_told_on=timezone.localdate(started),
                facts_waiver=WAIVER_NB if nb else WAIVER_SV,
                mediator=context.mediator.user,
            )
            _consent_both(context, referral, timezone.localdate(started))
            _talks(context, referral, timezone.localdate(started), nb)
            meeting_start = _at_ten(timezone.localdate(started) + dt.timedelta(days=7))
            meeting = services.schedule_meeting(
                viewer=context.mediator, referral=referral, plan=_plan(meeting_start, "")
            )
        count += 1
        with at(meeting.ends_at), transaction.atomic():
            services.mark_meeting_held(viewer=context.mediator, meeting=meeting)
            if index == 0:  # an outcome, not yet handed back
                services.record_outcome(
                    viewer=context.mediator, referral=referral, outcome=BenchOutcome.NO_AGREEMENT
                )
                continue
            services.save_agreement(
                viewer=context.mediator, referral=referral, text=AGREEMENT_NB if nb else AGREEMENT_SV
            )
            follow_up = today + dt.timedelta(days=2) if index == 1 else clock.today() + dt.timedelta(days=1)
            services.record_outcome(
                viewer=context.mediator,
                referral=referral,
                outcome=BenchOutcome.AGREEMENT,
                follow_up_on=follow_up,
            )
            if index >= 2:  # the follow-up made: back with the adviser
                services.record_follow_up(viewer=context.mediator, referral=referral, holds=True)
        if index == 3:  # the adviser closed the case after the bench
            with at(meeting.ends_at + dt.timedelta(days=3)), transaction.atomic():
                services.close_after_bench(viewer=context.advisers[0], referral=referral)
    return count
