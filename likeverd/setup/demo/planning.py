"""Planning the demo cases: who, what, when and how far each case has come, drawn from a
seeded generator, as plain values (CasePlan) that cases.py then writes through the services."""

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils import timezone

from likeverd.cases.dates import IncidentDate, parse_incident_date
from likeverd.cases.models import CaseStatus, Channel, Outcome, Wish
from likeverd.setup.demo import people, texts

DEMO_SEED = 2019  # the year of DiMe's first annual report
DEFAULT_CASES = 300
OSLO_SHARE = 19 / 30  # about 190 of 300

S = CaseStatus
O = Outcome  # noqa: E741

CHANNEL_WEIGHTS = {
    Channel.PHONE: 32,
    Channel.EMAIL: 28,
    Channel.DROP_IN: 12,
    Channel.PARTNER: 12,
    Channel.WEB: 11,
    Channel.PATROL: 5,
}
OUTCOME_WEIGHTS = {
    O.ADVICE_GIVEN: 34,
    O.REFERRED: 12,
    O.COMPLAINT_FILED: 10,
    O.POLICE_REPORT_FILED: 8,
    O.RESOLVED: 8,
    O.MEDIATED: 5,
    O.WITHDRAWN: 8,
    O.NO_DISCRIMINATION: 6,
    O.NO_CONTACT: 9,
}
# The statuses a case passes through on its way to each outcome.
OUTCOME_PATHS: dict[str, tuple[CaseStatus, ...]] = {
    O.ADVICE_GIVEN: (S.SORTING, S.ADVICE, S.CLOSED),
    O.REFERRED: (S.SORTING, S.REFERRED, S.CLOSED),
    O.COMPLAINT_FILED: (S.SORTING, S.ASSISTANCE, S.CLOSED),
    O.POLICE_REPORT_FILED: (S.SORTING, S.ASSISTANCE, S.CLOSED),
    O.RESOLVED: (S.SORTING, S.ADVICE, S.ASSISTANCE, S.CLOSED),
    O.MEDIATED: (S.SORTING, S.MEDIATION, S.CLOSED),
    O.WITHDRAWN: (S.SORTING, S.CLOSED),
    O.NO_DISCRIMINATION: (S.SORTING, S.ADVICE, S.CLOSED),
    O.NO_CONTACT: (S.CLOSED,),
}
OPEN_PATHS: dict[str, tuple[CaseStatus, ...]] = {
    S.NEW: (),
    S.SORTING: (S.SORTING,),
    S.ADVICE: (S.SORTING, S.ADVICE),
    S.ASSISTANCE: (S.SORTING, S.ADVICE, S.ASSISTANCE),
    S.REFERRED: (S.SORTING, S.REFERRED),
    S.MEDIATION: (S.SORTING, S.MEDIATION),
}
# How likely each status is for a case received so many days ago (older cases are mostly closed).
STATUS_BY_AGE: tuple[tuple[int, dict[str, int]], ...] = (
    (7, {S.NEW: 55, S.SORTING: 45}),
    (
        45,
        {
            S.NEW: 5,
            S.SORTING: 15,
            S.ADVICE: 22,
            S.ASSISTANCE: 18,
            S.REFERRED: 6,
            S.MEDIATION: 8,
            S.CLOSED: 26,
        },
    ),
    (150, {S.ADVICE: 8, S.ASSISTANCE: 12, S.REFERRED: 5, S.MEDIATION: 3, S.CLOSED: 72}),
    (100_000, {S.ASSISTANCE: 3, S.REFERRED: 2, S.CLOSED: 95}),
)
MEDIATION_BENCH = 3  # cases at least at the mediation bench per office
MEDIATION_THEMES = {"work", "goods_services", "neighbour", "school", "hate", "housing"}
# Words looked for in the codes of a jurisdiction's tracks and forms (the taxonomy's data files
# name them; the demo only needs a plausible pick).
TRACK_WORDS = {
    "criminal": ("CRIM", "POLICE", "STRAFF"),
    "complaint": ("TRIBUNAL", "NEMND", "OMBUD", "DO_", "CIVIL", "COMPLAINT"),
    "mediation": ("MEDIAT",),
}
HARASSMENT_THEMES = {"harassment", "hate", "neighbour"}


def _weighted[T](rng: random.Random, weights: dict[T, int]) -> T:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass
class PersonPlan:
    name: str
    gender: str
    language: str
    is_anonymous: bool
    phone: str
    email: str
    needs_interpreter: bool


@dataclass
class CasePlan:
    received_at: dt.datetime
    channel: Channel
    theme: texts.Theme
    profile: texts.GroundProfile
    person: PersonPlan
    counterpart_name: str
    narrative: str
    incident: IncidentDate
    municipality: str
    residence: str
    place_kind: str
    wishes: list[str]
    target: str  # the status the case ends in
    outcome: str
    adviser_index: int
    registered_by_coordinator: bool
    # (days after received, kind, text) entries of the timeline besides status changes.
    has_document: bool
    task_due_in_days: int | None
    parent_name: str = ""


class _Names:
    """Invented names, unique within an office, so the only conflict of interest is the planted one."""

    def __init__(self, rng: random.Random, office_code: str) -> None:
        self.rng = rng
        self.weights = people.POOL_WEIGHTS[office_code]
        self.used: set[str] = set()

    def make(self, gender: str = "", pool_key: str = "") -> tuple[str, str, str]:
        pools = {pool.key: pool for pool in people.NAME_POOLS}
        for _ in range(50):
            pool = pools[pool_key or _weighted(self.rng, self.weights)]
            sex = gender or self.rng.choice("fm")
            first = self.rng.choice(pool.female if sex == "f" else pool.male)
            name = f"{first} {self.rng.choice(pool.surnames)}"
            if name not in self.used:
                self.used.add(name)
                return name, sex, pool.language
        raise RuntimeError("name pools exhausted")


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("ø", "o").replace("æ", "ae"))
    return "".join(ch for ch in folded if ch.isascii()).lower()


def _phone(rng: random.Random, spec: people.OfficeSpec) -> str:
    if spec.jurisdiction == "SE":
        # PTS's range for fiction (070-17 406 05 to 99): never a real subscriber.
        return f"070-174 06 {rng.randint(5, 99):02d}"
    return f"+47 4{rng.randint(0, 9)}{rng.randint(0, 9)} {rng.randint(10, 99)} {rng.randint(100, 999)}"


def _incident(rng: random.Random, received: dt.date, language: str) -> IncidentDate:
    day = received - dt.timedelta(days=int(rng.triangular(0, 150, 10)))
    precision = rng.choices(["day", "month", "season", "unknown"], weights=[45, 35, 15, 5])[0]
    months = texts.MONTHS_NB if language == "nb" else texts.MONTHS_SV
    seasons = texts.SEASONS_NB if language == "nb" else texts.SEASONS_SV
    candidates = []
    if precision == "day":
        candidates.append(f"{day:%d.%m.%Y}" if language == "nb" else day.isoformat())
    if precision == "season":
        year = day.year + 1 if day.month == 12 else day.year
        candidates.append(f"{seasons[day.month - 1]} {year}")
    if precision in {"month", "season"}:
        candidates.append(f"{months[day.month - 1]} {day.year}")
    for text in candidates:
        try:
            return parse_incident_date(text, today=received)
        except ValidationError:
            continue  # e.g. a season that has not ended reads as partly in the future: try the month
    return IncidentDate.unknown()


def _target_status(rng: random.Random, age_days: int) -> str:
    for limit, weights in STATUS_BY_AGE:
        if age_days < limit:
            return _weighted(rng, weights)
    raise AssertionError("unreachable")


def _pick_profile(
    rng: random.Random, theme: texts.Theme, channel: Channel, office: people.OfficeSpec
) -> texts.GroundProfile:
    weights = {p.key: p.weight + theme.ground_boost.get(p.key, 0) for p in texts.GROUND_PROFILES}
    if channel == Channel.DROP_IN and office.code == "OSL" and rng.random() < 0.5:
        # Drop-in hours at Skeiv Kafé bring queer people of minority background.
        weights = {"ethnicity_sexual_orientation": 3, "sexual_orientation": 1}
    key = _weighted(rng, weights)
    return next(p for p in texts.GROUND_PROFILES if p.key == key)


def _plan_case(
    rng: random.Random,
    spec: people.OfficeSpec,
    names: _Names,
    received_at: dt.datetime,
    now: dt.datetime,
    theme_key: str = "",
    target: str = "",
) -> CasePlan:
    nb = spec.narrative_language == "nb"
    themes = {t.key: t for t in texts.THEMES}
    theme = (
        themes[theme_key]
        if theme_key
        else themes[_weighted(rng, {t.key: (t.weight_no if nb else t.weight_se) for t in texts.THEMES})]
    )
    channel = _weighted(rng, CHANNEL_WEIGHTS)
    profile = _pick_profile(rng, theme, channel, spec)
    name, gender, language = names.make(profile.gender)
    is_anonymous = rng.random() < 0.12
    first, last = name.split(" ", 1)
    person = PersonPlan(
        name=name,
        gender=gender,
        language=language if language in spec.languages else "en",
        is_anonymous=is_anonymous,
        phone=_phone(rng, spec) if rng.random() < 0.8 else "",
        email=f"{_ascii(first)}.{_ascii(last)}@example.com" if rng.random() < 0.6 else "",
        needs_interpreter=language not in {"nb", "sv"} and rng.random() < 0.25,
    )
    if spec.code == "MAL":
        municipality = rng.choices(["Malmö", "Lund", "Trelleborg"], weights=[70, 25, 5])[0]
        places: tuple[str, ...] = texts.PLACES_LUND if municipality == "Lund" else texts.PLACES_SE
        residence = municipality if rng.random() < 0.85 else rng.choice(["Malmö", "Lund", "Burlöv"])
    else:
        municipality = rng.choices(["Oslo", "Bærum", "Lillestrøm"], weights=[88, 7, 5])[0]
        places = texts.PLACES_NO
        residence = "Oslo" if rng.random() < 0.85 else rng.choice(["Bærum", "Lørenskog", "Nordre Follo"])
    place = rng.choice(places)
    if theme.counterpart_is_person:
        # Strangers in the street or online are mostly unknown; neighbours have names.
        counterpart = (
            names.make(pool_key=rng.choice(["norwegian" if nb else "swedish"] * 3 + ["polish"]))[0]
            if theme.key == "neighbour" or rng.random() < 0.2
            else ""
        )
    else:
        counterpart = rng.choice(theme.counterparts_no if nb else theme.counterparts_se).format(place=place)
    template = rng.choice(theme.narratives_nb if nb else theme.narratives_sv)
    age_days = (now - received_at).days
    target = target or _target_status(rng, age_days)
    outcome = ""
    if target == S.CLOSED:
        outcome = _weighted(rng, OUTCOME_WEIGHTS)
        if outcome == O.MEDIATED and theme.key not in MEDIATION_THEMES:
            outcome = O.ADVICE_GIVEN
    if target == S.MEDIATION and theme.key not in MEDIATION_THEMES:
        target = S.ASSISTANCE
    wishes_by_outcome: dict[str, Wish] = {
        O.MEDIATED: Wish.MEDIATION,
        O.COMPLAINT_FILED: Wish.COMPLAINT,
        O.POLICE_REPORT_FILED: Wish.COMPLAINT,
        O.NO_CONTACT: Wish.REPORT_ONLY,
    }
    wish = wishes_by_outcome.get(outcome, Wish.ADVICE)
    if target == S.MEDIATION:
        wish = Wish.MEDIATION
    wishes: list[str] = [str(wish)]
    if wish == Wish.ADVICE and rng.random() < 0.25:
        wishes.append(Wish.COMPLAINT)
    clauses = texts.WISH_CLAUSES_NB if nb else texts.WISH_CLAUSES_SV
    narrative = " ".join(
        [
            template.format(cp=counterpart or "motparten", place=place),
            profile.clause_nb if nb else profile.clause_sv,
            clauses[wishes[0]],
        ]
    )
    is_open = target != S.CLOSED
    due: int | None = None
    if is_open and target != S.NEW and rng.random() < 0.85:
        due = rng.choices(
            [rng.randint(-14, -1), rng.randint(0, 6), rng.randint(7, 28)], weights=[30, 40, 30]
        )[0]
    parent = names.make(pool_key="")[0] if theme.key == "school" else ""
    return CasePlan(
        received_at=received_at,
        channel=channel,
        theme=theme,
        profile=profile,
        person=person,
        counterpart_name=counterpart,
        narrative=narrative,
        incident=_incident(rng, timezone.localdate(received_at), spec.narrative_language),
        municipality=municipality,
        residence=residence,
        place_kind=rng.choice(theme.place_kinds),
        wishes=wishes,
        target=target,
        outcome=outcome,
        adviser_index=0 if rng.random() < 0.55 else 1,
        registered_by_coordinator=channel in {Channel.DROP_IN, Channel.PARTNER, Channel.WEB}
        and rng.random() < 0.4,
        has_document=target != S.NEW and rng.random() < 0.15,
        task_due_in_days=due,
        parent_name=parent,
    )


def history_start(today: dt.date) -> dt.date:
    """The demo's first day: 1 January of last year, so last year's annual report is whole and
    this year's month lines run up to today."""
    return dt.date(today.year - 1, 1, 1)


def _received_times(rng: random.Random, count: int, now: dt.datetime) -> list[dt.datetime]:
    """Working hours from 1 January last year until now, denser lately (the service grew)."""
    moments = []
    today = timezone.localdate(now)
    first = history_start(today)
    span = (today - first).days
    for _ in range(count):
        day = today - dt.timedelta(days=int(span * rng.random() ** 1.3))
        if day.weekday() >= 5:
            earlier = day - dt.timedelta(days=day.weekday() - 4)
            # A weekend at the very start moves to the Monday after, not into the year before.
            day = earlier if earlier >= first else day + dt.timedelta(days=7 - day.weekday())
        local = timezone.make_aware(dt.datetime.combine(day, dt.time(rng.randint(8, 15), rng.randint(0, 59))))
        moments.append(min(local, now - dt.timedelta(minutes=rng.randint(20, 300))))
    return sorted(moments)


def plan_office(rng: random.Random, spec: people.OfficeSpec, count: int, now: dt.datetime) -> list[CasePlan]:
    names = _Names(rng, spec.code)
    plans = [_plan_case(rng, spec, names, moment, now) for moment in _received_times(rng, count, now)]
    planted = -1
    if spec.code == "OSL" and len(plans) >= 4:
        # The planted conflict of interest: a client of one case is the neighbour complained of in
        # a later one, which the adviser must notice before taking it on.
        client = next(p for p in plans[len(plans) // 3 :] if not p.person.is_anonymous)
        planted = min(plans.index(client) + max(1, len(plans) // 3), len(plans) - 1)
        plans[planted] = _plan_case(rng, spec, names, plans[planted].received_at, now, theme_key="neighbour")
        plans[planted].counterpart_name = client.person.name
    # A few cases wait at the mediation bench, so the mediator's screens are not empty.
    missing = MEDIATION_BENCH - sum(p.target == S.MEDIATION for p in plans)
    movable = [
        i
        for i, p in enumerate(plans)
        if p.target in {S.SORTING, S.ADVICE, S.ASSISTANCE, S.REFERRED} and i != planted
    ]
    for index in movable[max(0, len(movable) - missing) :] if missing > 0 else []:
        theme = rng.choice(["work", "goods_services", "housing"])
        plans[index] = _plan_case(
            rng, spec, names, plans[index].received_at, now, theme_key=theme, target=S.MEDIATION
        )
    return plans


# --- building ---------------------------------------------------------------------------------
