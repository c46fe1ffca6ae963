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
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django_otp.oath import TOTP

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.services import (
    NewStaffMember,
    add_staff_member,
    create_office,
    create_staff_member_from_command_line,
)
from likeverd.accounts.viewer import Viewer, build_viewer
from likeverd.cases import services
from likeverd.cases.models import Case, EventKind, PartyRole
from likeverd.cases.services import CaseDetails, Classification, PersonDetails
from likeverd.core import clock
from likeverd.setup.demo import casework, people, reporter, sorting, texts, web_reports
from likeverd.setup.demo.bookings import build_bookings
from likeverd.setup.demo.knowledge import load_demo_knowledge
from likeverd.setup.demo.outreach import add_outreach
from likeverd.setup.demo.planning import (
    DEFAULT_CASES,
    DEMO_SEED,
    HARASSMENT_THEMES,
    OPEN_PATHS,
    OSLO_SHARE,
    OUTCOME_PATHS,
    TRACK_WORDS,
    CasePlan,
    O,
    S,
    _phone,
    plan_office,
)
from likeverd.setup.demo.report_texts import add_report_texts
from likeverd.taxonomy.models import ReportingCategory, Term, TermKind


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
    # (office code, receipt code) of the demo web report, when it was made by this run
    receipt_codes: list[tuple[str, str]] = field(default_factory=list)


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


def _ensure_statistician(spec: people.StaffSpec, offices: dict[str, Office]) -> User:
    """The network statistician as an installation gets one: `likeverd createstaff --office OSL
    --role network_statistician` (office administrators cannot hand out the role)."""
    user = User.objects.filter(username=spec.username).first()
    if user is None:
        office, _role = spec.roles[0]
        credentials = create_staff_member_from_command_line(
            office=offices[office],
            member=NewStaffMember(
                username=spec.username,
                first_name=spec.first_name,
                last_name=spec.last_name,
                email=f"{spec.username}@demo.example.org",
                roles=[role for _office, role in spec.roles],
            ),
            password=people.DEMO_PASSWORD,
        )
        user, device = credentials.person, credentials.device
        device.key = people.demo_totp_key(spec.username).hex()
        device.save(update_fields=["key"])
        user.preferred_language = spec.language
        user.save(update_fields=["preferred_language"])
    return user


def _ensure_staff(spec: people.StaffSpec, offices: dict[str, Office]) -> User:
    if any(role == Role.NETWORK_STATISTICIAN for _code, role in spec.roles):
        return _ensure_statistician(spec, offices)
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


# The hate theme's stories (texts.THEMES, in order): hateful messages online; pushed while
# shouted at (an assault with a bias motive, and the words); hateful graffiti on the door
# (criminal damage with a bias motive).
HATE_STORY_FORMS = (
    ("HATE_SPEECH",),
    ("BIAS_MOTIVATED_OFFENCE", "HATE_SPEECH"),
    ("BIAS_MOTIVATED_OFFENCE",),
)


def _criminal_forms(plan: CasePlan) -> tuple[str, ...]:
    stories = plan.theme.narratives_nb + plan.theme.narratives_sv
    for index, story in enumerate(stories):
        if story.split("{")[0][:50] in plan.narrative:
            return HATE_STORY_FORMS[index % len(plan.theme.narratives_nb)]
    return ("HATE_SPEECH",)


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
    if plan.theme.key == "hate" and track == "criminal":
        # A police report says which offence it is about; the ODIHR table counts only the
        # bias-motivated ordinary offences (statistics/data/odihr.toml), not the hateful words.
        forms = [context.terms[(TermKind.FORM, code)] for code in _criminal_forms(plan)]
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
    with _at(last):
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


def load_demo(
    *, cases: int = DEFAULT_CASES, seed: int = DEMO_SEED, inbox_url: str = "", site_url: str = ""
) -> DemoSummary:
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
    coordinators: dict[str, Viewer] = {}
    for spec in people.OFFICES:
        # Each office has its own generator, so a second office never changes the first one's data.
        if spec not in created:
            continue
        office_rng = random.Random(f"{seed}:{spec.code}")
        plans = plan_office(office_rng, spec, counts[spec.code], now)
        context = _office_context(offices[spec.code], spec, users)
        with transaction.atomic():
            built = [_build_case(office_rng, context, plan, now) for plan in plans]
            # Drafts and referrals (triage) on a few open cases, as of now.
            casework.add_casework(adviser=context.advisers[0], cases=built[::-1])
            add_outreach(office_rng, context.coordinator, spec.narrative_language, timezone.localdate(now))
            add_report_texts(context.coordinator, spec.narrative_language, timezone.localdate(now))
        from likeverd.setup.demo import mediation  # imported here: it imports this module

        mediation.load_bench(context, office_rng, now)
        summary.created_offices.append(spec.code)
        summary.cases += len(plans)
        coordinators[spec.code] = context.coordinator
        if spec.code == "OSL":
            summary.cases += web_reports.add_web_reports(offices[spec.code], inbox_url=inbox_url)
            # Outside the office's transaction: the receipt's hash is computed before its own.
            code = reporter.add_demo_conversation(adviser=context.advisers[0], site_url=site_url)
            summary.receipt_codes.append((spec.code, code))
        # After the web reports, so one booking can be filed on one of them.
        with transaction.atomic():
            build_bookings(adviser=context.advisers[0], meeting_place=spec.address)
    load_demo_knowledge(coordinators=coordinators)
    summary.seconds = time.perf_counter() - started
    return summary
