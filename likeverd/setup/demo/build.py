"""Building the demo: two offices, a person for every role, and a few hundred invented cases.

Everything is written through the case services (so timeline, audit log and search index are
what real use would produce), at the time it would have happened: each step travels the
clock back with time-machine. The random generator has a fixed seed, so every run on an empty
database produces the same offices, people and cases (case texts are encrypted with fresh
nonces, so only the ciphertexts differ).
"""

import contextlib
import datetime as dt
import random
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django_otp.oath import TOTP

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.services import add_staff_member, create_office
from likeverd.accounts.viewer import Viewer, build_viewer
from likeverd.cases import services
from likeverd.cases.dates import IncidentDate, parse_incident_date
from likeverd.cases.models import Case, CaseStatus, Channel, EventKind, Outcome, PartyRole, Wish
from likeverd.cases.services import CaseDetails, Classification, PersonDetails
from likeverd.core import clock
from likeverd.setup.demo import people, texts
from likeverd.taxonomy.models import ReportingCategory, Term, TermKind

DEMO_SEED = 2019  # the year of DiMe's first annual report
DEFAULT_CASES = 300
OSLO_SHARE = 19 / 30  # about 190 of 300
HISTORY_DAYS = 730

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
class Login:
    username: str
    full_name: str
    roles: str
    offices: str
    password: str
    totp_secret: str
    current_code: str


@dataclass
class DemoSummary:
    created_offices: list[str] = field(default_factory=list)
    skipped_offices: list[str] = field(default_factory=list)
    cases: int = 0
    seconds: float = 0.0


# --- people -----------------------------------------------------------------------------------


def _ensure_office(spec: people.OfficeSpec) -> tuple[Office, bool]:
    existing = Office.objects.filter(code=spec.code).first()
    if existing is not None:
        return existing, False
    office = create_office(
        name=spec.name,
        code=spec.code,
        jurisdiction=spec.jurisdiction,
        municipalities=spec.municipalities,
        languages=spec.languages,
        phone=spec.phone,
        email=spec.email,
        address=spec.address,
        opening_hours=spec.opening_hours,
    )
    services.create_default_reporting_categories(office=office)
    return office, True


def _ensure_staff(spec: people.StaffSpec, offices: dict[str, Office]) -> User:
    user = User.objects.filter(username=spec.username).first()
    first_office, first_role = spec.roles[0]
    if user is None:
        user, device, _ = add_staff_member(
            office=offices[first_office],
            username=spec.username,
            first_name=spec.first_name,
            last_name=spec.last_name,
            email=f"{spec.username}@demo.example.org",
            roles=[first_role],
            password=people.DEMO_PASSWORD,
        )
        # Demo only: a known secret instead of the random one, so every run prints the same.
        device.key = people.demo_totp_key(spec.username).hex()
        device.save(update_fields=["key"])
        user.preferred_language = spec.language
        user.save(update_fields=["preferred_language"])
    for code, role in spec.roles:
        Membership.objects.get_or_create(user=user, office=offices[code], role=role)
    return user


def demo_logins() -> list[Login]:
    """Every demo login with its roles, the demo password, TOTP secret and the code valid now."""
    logins = []
    for spec in people.STAFF:
        key = people.demo_totp_key(spec.username)
        code = f"{TOTP(key, step=30, t0=0, digits=6).token():06d}"
        roles = sorted({str(Role(role).label) for _, role in spec.roles})
        logins.append(
            Login(
                username=spec.username,
                full_name=f"{spec.first_name} {spec.last_name}",
                roles=", ".join(roles),
                offices=", ".join(code for code, _ in spec.roles),
                password=people.DEMO_PASSWORD,
                totp_secret=people.demo_totp_base32(spec.username),
                current_code=code,
            )
        )
    return logins


# --- planning ---------------------------------------------------------------------------------


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


def _received_times(rng: random.Random, count: int, now: dt.datetime) -> list[dt.datetime]:
    """Working hours over the last two years, denser lately (the service grew)."""
    moments = []
    today = timezone.localdate(now)
    for _ in range(count):
        day = today - dt.timedelta(days=int(HISTORY_DAYS * rng.random() ** 1.3))
        if day.weekday() >= 5:
            day -= dt.timedelta(days=day.weekday() - 4)
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


@contextlib.contextmanager
def _at(moment: dt.datetime) -> Iterator[None]:
    """Run the services as if it were `moment`, so timestamps, audit and timeline are in the past."""
    try:
        import time_machine
    except ImportError:  # pragma: no cover - without it, history is recorded as of now
        yield
        return
    with time_machine.travel(moment, tick=False):
        yield


@dataclass
class OfficeContext:
    office: Office
    spec: people.OfficeSpec
    advisers: list[Viewer]
    mediator: Viewer
    coordinator: Viewer
    categories: list[ReportingCategory]
    terms: dict[tuple[str, str], Term]


def _category_for(context: OfficeContext, theme: texts.Theme) -> ReportingCategory | None:
    for category in context.categories:
        haystack = f"{category.code} {category.label_en}".lower()
        if any(word in haystack for word in theme.category_words):
            return category
    return None


def _terms_by_words(context: OfficeContext, kind: str, words: tuple[str, ...]) -> list[Term]:
    return [term for (k, code), term in context.terms.items() if k == kind and any(w in code for w in words)][
        :1
    ]


def _classification(rng: random.Random, context: OfficeContext, plan: CasePlan) -> Classification:
    grounds = [
        context.terms[(TermKind.GROUND, c)]
        for c in plan.profile.codes
        if (TermKind.GROUND, c) in context.terms
    ]
    category = _category_for(context, plan.theme)
    areas = list(category.areas.all()) if category is not None else []
    form_words = ("HARASS",) if plan.theme.key in HARASSMENT_THEMES else ("DIRECT",)
    if plan.theme.key in {"welfare", "health"} and rng.random() < 0.3:
        form_words = ("INDIRECT",)
    forms = [
        t for (k, code), t in context.terms.items() if k == TermKind.FORM and code.startswith(form_words)
    ][:1]
    tracks_by_outcome: dict[str, str] = {
        O.POLICE_REPORT_FILED: "criminal",
        O.COMPLAINT_FILED: "complaint",
        O.MEDIATED: "mediation",
    }
    track = tracks_by_outcome.get(plan.outcome, "mediation" if plan.target == S.MEDIATION else "")
    if plan.theme.key == "hate" and not track:
        track = "criminal"
    tracks = _terms_by_words(context, TermKind.TRACK, TRACK_WORDS[track]) if track else []
    return Classification(
        grounds=grounds, areas=areas, forms=forms, tracks=tracks, reporting_category=category
    )


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


def _build_case(rng: random.Random, context: OfficeContext, plan: CasePlan, now: dt.datetime) -> Case:
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
    with _at(plan.received_at):
        case = services.register_case(
            viewer=registrar,
            details=details,
            person=person,
            assign_to=None if registrar is context.coordinator else adviser.user,
        )
    path = OUTCOME_PATHS[plan.outcome] if plan.target == S.CLOSED else OPEN_PATHS[plan.target]
    moments = _step_times(rng, plan.received_at, len(path) + 2, now)
    first_touch, steps, last = moments[0], moments[1:-1], moments[-1]
    with _at(first_touch):
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
        with _at(moment):
            if done_task is not None and position == 0:
                services.complete_task(viewer=adviser, task=done_task)
            if status == S.SORTING:
                services.classify_case(
                    viewer=adviser, case=case, classification=_classification(rng, context, plan)
                )
            if position > 0 or rng.random() < 0.5:
                kind = rng.choice([EventKind.CALL, EventKind.CALL, EventKind.NOTE, EventKind.EMAIL])
                body = rng.choice(notes if kind == EventKind.NOTE else calls)
                services.add_timeline_entry(viewer=adviser, case=case, kind=kind, body=body)
            actor = adviser
            if status == S.CLOSED and case.status == S.MEDIATION:
                actor = context.mediator
                services.add_timeline_entry(
                    viewer=actor,
                    case=case,
                    kind=EventKind.MEETING,
                    body=(texts.MEDIATION_NOTES_NB if nb else texts.MEDIATION_NOTES_SV)[1],
                )
            services.change_case_status(viewer=actor, case=case, to_status=status, outcome=plan.outcome)
            if status == S.MEDIATION:
                services.assign_case(viewer=adviser, case=case, assignee=context.mediator.user)
                services.add_timeline_entry(
                    viewer=context.mediator,
                    case=case,
                    kind=EventKind.MEETING,
                    body=(texts.MEDIATION_NOTES_NB if nb else texts.MEDIATION_NOTES_SV)[0],
                )
    with _at(last):
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


def _office_context(office: Office, spec: people.OfficeSpec, users: dict[str, User]) -> OfficeContext:
    def viewer(username: str) -> Viewer:
        return build_viewer(users[username], office_public_id=str(office.public_id))

    suffix = spec.code.lower().replace("osl", "oslo").replace("mal", "malmo")
    terms = {
        (term.kind, term.code): term
        for term in Term.objects.filter(jurisdiction=spec.jurisdiction, valid_to__isnull=True)
    }
    return OfficeContext(
        office=office,
        spec=spec,
        advisers=[viewer(f"adviser.{suffix}"), viewer(f"adviser2.{suffix}")],
        mediator=viewer(f"mediator.{suffix}"),
        coordinator=viewer(f"coordinator.{suffix}"),
        categories=list(ReportingCategory.objects.filter(office=office).prefetch_related("areas")),
        terms=terms,
    )


def load_demo(*, cases: int = DEFAULT_CASES, seed: int = DEMO_SEED) -> DemoSummary:
    """Create the demo offices, staff and cases; an office that already exists is left alone."""
    started = time.perf_counter()
    summary = DemoSummary()
    now = clock.now()
    counts = {"OSL": round(cases * OSLO_SHARE), "MAL": cases - round(cases * OSLO_SHARE)}
    with transaction.atomic():
        offices: dict[str, Office] = {}
        created: list[people.OfficeSpec] = []
        for spec in people.OFFICES:
            offices[spec.code], was_created = _ensure_office(spec)
            if was_created:
                created.append(spec)
            else:
                summary.skipped_offices.append(spec.code)
        users = {spec.username: _ensure_staff(spec, offices) for spec in people.STAFF}
    for spec in people.OFFICES:
        # Each office has its own generator, so a second office never changes the first one's data.
        if spec not in created:
            continue
        office_rng = random.Random(f"{seed}:{spec.code}")
        plans = plan_office(office_rng, spec, counts[spec.code], now)
        context = _office_context(offices[spec.code], spec, users)
        with transaction.atomic():
            for plan in plans:
                _build_case(office_rng, context, plan, now)
        summary.created_offices.append(spec.code)
        summary.cases += len(plans)
    summary.seconds = time.perf_counter() - started
    return summary
