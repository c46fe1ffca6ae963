"""One demo case's history: registered, then taken step by step along its planned path."""

import datetime as dt
import random

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from likeverd.cases import services
from likeverd.cases.models import Case, EventKind, PartyRole
from likeverd.cases.services import CaseDetails, PersonDetails
from likeverd.setup.demo import sorting, texts
from likeverd.setup.demo.classification import classification_for
from likeverd.setup.demo.context import OfficeContext, at
from likeverd.setup.demo.planning import OPEN_PATHS, OUTCOME_PATHS, CasePlan, O, S, _phone


def _step_times(rng: random.Random, start: dt.datetime, count: int, now: dt.datetime) -> list[dt.datetime]:
    """Moments for `count` later steps of a case, spread out and never in the future."""
    gaps = [rng.uniform(0.2, 3.0)] + [rng.uniform(2, 25) for _ in range(count - 1)]
    total = sum(gaps)
    room = (now - dt.timedelta(minutes=15) - start).total_seconds() / 86_400
    scale = min(1.0, room / total) if total else 1.0
    moments: list[dt.datetime] = []
    elapsed, latest = 0.0, now - dt.timedelta(minutes=15)
    for gap in gaps:
        elapsed += gap * scale
        moment = start + dt.timedelta(days=elapsed)
        moments.append(_office_hours(rng, moment, earliest=moments[-1] if moments else start, latest=latest))
    return moments


def _office_hours(
    rng: random.Random, moment: dt.datetime, *, earliest: dt.datetime, latest: dt.datetime
) -> dt.datetime:
    """The same step moved into office hours on a weekday, where that keeps the order of events."""
    local = timezone.localtime(moment)
    day = local.date() + dt.timedelta(days=max(0, 7 - local.weekday()) if local.weekday() >= 5 else 0)
    if day == local.date() and 8 <= local.hour < 16:
        return moment
    moved = timezone.make_aware(dt.datetime.combine(day, dt.time(rng.randint(8, 15), rng.randint(0, 59))))
    return moved if earliest <= moved <= latest else moment


def build_case(rng: random.Random, context: OfficeContext, plan: CasePlan, now: dt.datetime) -> Case:
    nb = context.spec.narrative_language == "nb"
    adviser = context.advisers[plan.adviser_index % len(context.advisers)]
    registrar = context.coordinator if plan.registered_by_coordinator else adviser
    person = PersonDetails(
        name=plan.person.name,
        is_anonymous=plan.person.is_anonymous,
        phone=plan.person.phone,
        email=plan.person.email,
        safe_to_call=bool(plan.person.phone),
        safe_voicemail=rng.random() < 0.5,
        safe_email=bool(plan.person.email),
        language=plan.person.language,
        needs_interpreter=plan.person.needs_interpreter,
    )
    details = CaseDetails(
        channel=plan.channel,
        narrative=plan.narrative,
        incident_date=plan.incident,
        incident_municipality=plan.municipality,
        place_kind=plan.place_kind,
        residence_municipality=plan.residence,
        wishes=plan.wishes,
        received_at=plan.received_at,
    )
    with at(plan.received_at):
        case = services.register_case(
            viewer=registrar,
            details=details,
            person=person,
            assign_to=None if registrar is context.coordinator else adviser.user,
        )
    path = OUTCOME_PATHS[plan.outcome] if plan.target == S.CLOSED else OPEN_PATHS[plan.target]
    moments = _step_times(rng, plan.received_at, len(path) + 2, now)
    first_touch, steps, last = moments[0], moments[1:-1], moments[-1]
    with at(first_touch):
        if registrar is context.coordinator and plan.target != S.NEW:
            services.assign_case(viewer=adviser, case=case, assignee=adviser.user)
        channel_notes = texts.CHANNEL_NOTES_NB if nb else texts.CHANNEL_NOTES_SV
        if plan.channel in channel_notes:
            services.add_timeline_entry(
                viewer=adviser, case=case, kind=EventKind.NOTE, body=channel_notes[plan.channel]
            )
        if plan.counterpart_name or plan.theme.counterpart_kind != "private_person":
            services.add_party(
                viewer=adviser,
                case=case,
                role=PartyRole.COUNTERPART,
                details=PersonDetails(name=plan.counterpart_name, is_anonymous=not plan.counterpart_name),
                counterpart_kind=plan.theme.counterpart_kind,
            )
        if plan.parent_name:
            services.add_party(
                viewer=adviser,
                case=case,
                role=PartyRole.REPRESENTATIVE,
                details=PersonDetails(
                    name=plan.parent_name, phone=_phone(rng, context.spec), safe_to_call=True
                ),
                notes="Forelder" if nb else "Förälder",
            )
        titles = texts.TASKS_NB if nb else texts.TASKS_SV
        done_task = None
        if plan.target == S.CLOSED and rng.random() < 0.3:
            done_task = services.add_task(
                viewer=adviser, case=case, title=rng.choice(titles), due_date=timezone.localdate(steps[0])
            )
    calls, notes = (texts.CALLS_NB, texts.NOTES_NB) if nb else (texts.CALLS_SV, texts.NOTES_SV)
    for position, (status, moment) in enumerate(zip(path, steps, strict=True)):
        with at(moment):
            if done_task is not None and position == 0:
                services.complete_task(viewer=adviser, task=done_task)
            if status == S.SORTING:
                services.classify_case(
                    viewer=adviser, case=case, classification=classification_for(rng, context, plan)
                )
            language = context.spec.narrative_language
            if position > 0 and path[position - 1] == S.SORTING and status != S.CLOSED:
                sorting.decide_case(
                    adviser, case, next_status=status, outcome=plan.outcome, language=language
                )
            if position > 0 or rng.random() < 0.5:
                kind = rng.choice([EventKind.CALL, EventKind.CALL, EventKind.NOTE, EventKind.EMAIL])
                body = rng.choice(notes if kind == EventKind.NOTE else calls)
                services.add_timeline_entry(viewer=adviser, case=case, kind=kind, body=body)
            if status == S.CLOSED and case.status == S.MEDIATION:
                # The mediator writes up the bench's outcome; only an adviser closes the case.
                services.add_timeline_entry(
                    viewer=context.mediator,
                    case=case,
                    kind=EventKind.MEETING,
                    body=(texts.MEDIATION_NOTES_NB if nb else texts.MEDIATION_NOTES_SV)[1],
                )
            # The demo's bench cases get their referrals, past the gate, from demo/mediation.py.
            services.change_case_status(
                viewer=adviser, case=case, to_status=status, outcome=plan.outcome, via_bench=True
            )
            if status == S.SORTING:
                # A person who withdrew did so before the conversation was complete.
                complete = position + 1 < len(path) and plan.outcome != O.WITHDRAWN
                sorting.sort_case(adviser, case, plan, language=language, complete=complete)
            if status == S.MEDIATION:
                services.assign_case(viewer=adviser, case=case, assignee=context.mediator.user)
                services.add_timeline_entry(
                    viewer=context.mediator,
                    case=case,
                    kind=EventKind.MEETING,
                    body=(texts.MEDIATION_NOTES_NB if nb else texts.MEDIATION_NOTES_SV)[0],
                )
    with at(last):
        if plan.target == S.NEW or plan.outcome == O.NO_CONTACT:
            sorting.start_conversation(adviser, case, plan, language=context.spec.narrative_language)
        if plan.has_document:
            filename, content = rng.choice(texts.DOCUMENTS_NB if nb else texts.DOCUMENTS_SV)
            services.upload_document(
                viewer=adviser, case=case, upload=SimpleUploadedFile(filename, content.encode(), "text/plain")
            )
        if plan.task_due_in_days is not None:
            assignee = case.assigned_to or adviser.user
            services.add_task(
                viewer=adviser,
                case=case,
                title=rng.choice(titles),
                assignee=assignee,
                due_date=timezone.localdate(now) + dt.timedelta(days=plan.task_due_in_days),
            )
    return case
