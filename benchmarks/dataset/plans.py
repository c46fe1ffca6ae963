"""What each bulk-made case will be: drawn from the demo's texts and name pools in its proportions."""

import datetime as dt
import random
from dataclasses import dataclass

from django.utils import timezone

from likeverd.accounts.models import Office, User
from likeverd.cases.models import (
    Case,
    CaseStatus,
    Channel,
    EventKind,
    Outcome,
)
from likeverd.setup.demo import people, planning, texts

# A name no pool can produce: the "rare name" query finds exactly these cases.
RARE_NAME = "Wanjiru Lindahl"
OPEN_WITH_TASKS = {CaseStatus.ADVICE, CaseStatus.ASSISTANCE, CaseStatus.REFERRED, CaseStatus.MEDIATION}


def _narrative(rng: random.Random, theme: texts.Theme, profile: texts.GroundProfile, counterpart: str) -> str:
    """As the demo writes it: the story, the grounds as the person puts them, what they want."""
    place = rng.choice(texts.PLACES_NO)
    return " ".join(
        [
            rng.choice(theme.narratives_nb).format(cp=counterpart or "motparten", place=place),
            profile.clause_nb,
            rng.choice(list(texts.WISH_CLAUSES_NB.values())),
        ]
    )


def _status(rng: random.Random, age_days: int) -> str:
    """As the demo has it (planning.STATUS_BY_AGE): new cases are being sorted, most old ones closed."""
    for limit, weights in planning.STATUS_BY_AGE:
        if age_days < limit:
            return rng.choices(list(weights), weights=list(weights.values()))[0]
    return CaseStatus.CLOSED


def person_name(rng: random.Random, pools: list[people.NamePool], weights: list[int]) -> str:
    pool = rng.choices(pools, weights=weights)[0]
    first = rng.choice(pool.female if rng.random() < 0.5 else pool.male)
    return f"{first} {rng.choice(pool.surnames)}"


@dataclass
class Plan:
    case: Case
    person: str
    anonymous: bool
    counterpart: str
    counterpart_kind: str
    entries: list[tuple[str, str]]  # (kind, body)
    task: tuple[str, int, bool] | None  # (title, due in days from today, done)
    grounds: tuple[str, ...]


def plan_case(
    rng: random.Random,
    *,
    office: Office,
    when: dt.datetime,
    year: int,
    serial: int,
    advisers: list[User],
    pools: list[people.NamePool],
    weights: list[int],
    themes: list[texts.Theme],
    theme_weights: list[int],
    person: str,
) -> Plan:
    theme = rng.choices(themes, weights=theme_weights)[0]
    profile = rng.choices(texts.GROUND_PROFILES, weights=[p.weight for p in texts.GROUND_PROFILES])[0]
    status = _status(rng, (timezone.now() - when).days)
    # As the demo dates incidents: mostly shortly before the contact, at day, month or season.
    incident = planning._incident(rng, timezone.localtime(when).date(), "nb")
    if theme.counterpart_is_person:
        # Strangers in the street or online are mostly unknown; neighbours have names.
        counterpart = (
            person_name(rng, pools, weights) if theme.key == "neighbour" or rng.random() < 0.2 else ""
        )
    else:
        counterpart = rng.choice(theme.counterparts_no).format(place=rng.choice(texts.PLACES_NO))
    unassigned = status == CaseStatus.NEW and rng.random() < 0.4
    case = Case(
        office=office,
        year=year,
        serial=serial,
        number=f"{office.code}-{year}-{serial:04d}",
        channel=rng.choice(Channel.values),
        received_at=when,
        status=status,
        outcome=Outcome.ADVICE_GIVEN if status == CaseStatus.CLOSED else "",
        narrative=_narrative(rng, theme, profile, counterpart),
        incident_date_from=incident.date_from,
        incident_date_to=incident.date_to,
        incident_date_precision=incident.precision,
        incident_date_text=incident.text,
        incident_municipality="Oslo",
        residence_municipality="Oslo",
        place_kind=rng.choice(theme.place_kinds),
        assigned_to=None if unassigned else rng.choice(advisers),
        closed_at=when + dt.timedelta(days=rng.randint(5, 90)) if status == CaseStatus.CLOSED else None,
    )
    case.updated_at = case.closed_at or when + dt.timedelta(days=rng.randint(0, 20))
    entries: list[tuple[str, str]] = [(EventKind.CREATED, "")]
    if status != CaseStatus.NEW:
        for _ in range(rng.randint(1, 3)):
            kind = rng.choice([EventKind.CALL, EventKind.CALL, EventKind.NOTE, EventKind.EMAIL])
            entries.append((kind, rng.choice(texts.NOTES_NB if kind == EventKind.NOTE else texts.CALLS_NB)))
    task = None
    if status in OPEN_WITH_TASKS and rng.random() < 0.85:
        due = rng.choices(
            [rng.randint(-14, -1), rng.randint(0, 6), rng.randint(7, 28)], weights=[30, 40, 30]
        )[0]
        task = (rng.choice(texts.TASKS_NB), due, False)
    elif status == CaseStatus.CLOSED and rng.random() < 0.3:
        task = (rng.choice(texts.TASKS_NB), -rng.randint(30, 3000), True)
    return Plan(
        case=case,
        person=person,
        anonymous=person != RARE_NAME and rng.random() < 0.12,
        counterpart=counterpart,
        counterpart_kind=theme.counterpart_kind,
        entries=entries,
        task=task,
        grounds=profile.codes if status != CaseStatus.NEW else (),
    )


def searchable_text(plan: Plan) -> tuple[str, list[str]]:
    """The case's free text and its names, as `search.case_search_terms` reads them."""
    bodies = [plan.case.narrative, *(body for _, body in plan.entries)]
    if plan.task is not None:
        bodies.append(plan.task[0])
    names = [name for name in (("" if plan.anonymous else plan.person), plan.counterpart) if name]
    return " ".join(bodies), names
