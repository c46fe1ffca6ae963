"""One office with many cases, inserted in bulk, shaped like the demo's cases.

Names, narratives, timeline entries and tasks come from the demo's own texts and name pools
(`likeverd.setup.demo`), in the demo's proportions: most cases closed, a person and often a
counterpart per case, a few timeline entries, an open task on most open cases. Rows are
written with bulk_create, so every encrypted field is encrypted by the real field, and the
blind index and the name keys are made with the real functions the services use
(`likeverd.cases.search`, `services.name_key`). Nothing goes through the services: 100,000
cases through them would take an hour and measure the services, not the reads.

The plaintext the index was made from is kept in memory (`Dataset.plaintext`) only so that
the benchmark can build its plaintext baseline in a scratch table (benchmarks/baseline.py).
"""

import datetime as dt
import random
import secrets
import time
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.models import Model
from django.utils import timezone

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.viewer import Viewer, build_viewer
from likeverd.cases import search, services
from likeverd.cases.models import (
    Case,
    CaseEvent,
    CaseNumberSequence,
    CaseStatus,
    Channel,
    Document,
    DocumentKind,
    EventKind,
    Outcome,
    Party,
    PartyRole,
    SearchToken,
    Task,
)
from likeverd.core.planner import refresh_planner_statistics
from likeverd.setup.demo import people, planning, texts
from likeverd.taxonomy.models import Term, TermKind

OFFICE_CODE = "BEN"
# A name no pool can produce: the "rare name" query finds exactly these cases.
RARE_NAME = "Wanjiru Lindahl"
RARE_NAME_CASES = 3
ADVISERS = 8  # the benchmark's adviser and seven colleagues share the office's cases
OTHER_ADVISERS = 4  # in each further office (the 1,000,000-case mode's 49 others)
BATCH = 5000
OPEN_WITH_TASKS = {CaseStatus.ADVICE, CaseStatus.ASSISTANCE, CaseStatus.REFERRED, CaseStatus.MEDIATION}
HISTORY_DAYS = 3650


@dataclass
class Dataset:
    office: Office
    adviser: User
    viewer: Viewer
    cases: int  # in all offices
    offices: int
    office_cases: int  # in the measured office (`office`)
    index_rows: int
    sample_number: str
    typical_case: str  # public ids
    rich_case: str
    seconds: float
    # case id -> (received_at, the text the blind index was made from), for the baseline only
    plaintext: dict[int, tuple[dt.datetime, str]] = field(repr=False, default_factory=dict)


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


def _name(rng: random.Random, pools: list[people.NamePool], weights: list[int]) -> str:
    pool = rng.choices(pools, weights=weights)[0]
    first = rng.choice(pool.female if rng.random() < 0.5 else pool.male)
    return f"{first} {rng.choice(pool.surnames)}"


class _Hashes:
    """The office's blind-index hash of each term, computed once per distinct term."""

    def __init__(self, office: Office) -> None:
        self.office = office
        self.known: dict[str, int] = {}

    def __call__(self, terms: set[str]) -> set[int]:
        for term in terms:
            if term not in self.known:
                (self.known[term],) = search.hashes_for(self.office, [term])
        return {self.known[term] for term in terms}


class _Stems:
    """`search.stems` of a text, computed word by word with each distinct word stemmed once.

    The same as `search.stems(office, text)` (the stems of a text are the union of its words'
    stems), only faster: the demo's texts repeat their words, and stemming is most of the cost
    of making 100,000 cases.
    """

    def __init__(self, office: Office) -> None:
        self.office = office
        self.known: dict[str, frozenset[str]] = {}

    def __call__(self, text: str) -> set[str]:
        found: set[str] = set()
        for word in search.words(text):
            stemmed = self.known.get(word)
            if stemmed is None:
                stemmed = self.known[word] = frozenset(search.stems(self.office, word))
            found |= stemmed
        return found


def _index_columns() -> list[str]:
    """The blind index's columns, as the model has them (the index may carry more than the key)."""
    return [str(f.column) for f in SearchToken._meta.concrete_fields]


def _write_index(
    office: Office, by_token: dict[int, list[int]], extra: dict[str, Mapping[int, object]]
) -> int:
    """Insert the index in key order (office, token, case): appends, not random inserts.

    `extra` holds, per further column of the index (if any), its value by case id.
    """
    columns = _index_columns()
    known = {"office_id", "token", "case_id"}
    unknown = [c for c in columns if c not in known and c not in extra]
    if unknown:
        raise RuntimeError(f"the benchmark does not know how to fill search-index columns {unknown}")

    def rows() -> Iterator[tuple[Any, ...]]:
        for token in sorted(by_token):
            for case_id in by_token[token]:
                values = {"office_id": office.pk, "token": token, "case_id": case_id}
                yield tuple(values[c] if c in values else extra[c][case_id] for c in columns)

    table = SearchToken._meta.db_table
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows():
                    copy.write_row(row)
                    count += 1
            return count
        # Table and column names come from the model, never from input.
        placeholders = ", ".join(["%s"] * len(columns))
        insert = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})"
        chunk: list[tuple[Any, ...]] = []
        for row in rows():
            chunk.append(row)
            if len(chunk) == 50_000:
                cursor.executemany(insert, chunk)
                count += len(chunk)
                chunk = []
        if chunk:
            cursor.executemany(insert, chunk)
            count += len(chunk)
    return count


@dataclass
class _Plan:
    case: Case
    person: str
    anonymous: bool
    counterpart: str
    counterpart_kind: str
    entries: list[tuple[str, str]]  # (kind, body)
    task: tuple[str, int, bool] | None  # (title, due in days from today, done)
    grounds: tuple[str, ...]


def _plan(
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
) -> _Plan:
    theme = rng.choices(themes, weights=theme_weights)[0]
    profile = rng.choices(texts.GROUND_PROFILES, weights=[p.weight for p in texts.GROUND_PROFILES])[0]
    status = _status(rng, (timezone.now() - when).days)
    # As the demo dates incidents: mostly shortly before the contact, at day, month or season.
    incident = planning._incident(rng, timezone.localtime(when).date(), "nb")
    if theme.counterpart_is_person:
        # Strangers in the street or online are mostly unknown; neighbours have names.
        counterpart = _name(rng, pools, weights) if theme.key == "neighbour" or rng.random() < 0.2 else ""
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
    return _Plan(
        case=case,
        person=person,
        anonymous=person != RARE_NAME and rng.random() < 0.12,
        counterpart=counterpart,
        counterpart_kind=theme.counterpart_kind,
        entries=entries,
        task=task,
        grounds=profile.codes if status != CaseStatus.NEW else (),
    )


class _Rows:
    """Bulk inserts with ids given here, one `executemany` per batch and model.

    Django's bulk_create builds one statement per few hundred rows and spends most of its time
    doing so; this writes the same values (each field's own `pre_save` and `get_db_prep_save`,
    so encrypted fields are encrypted as the model encrypts them, bound to their row) with one
    prepared statement. Ids are handed out from each table's highest, so rows that refer to
    each other can be written in the same batch; PostgreSQL's sequences are moved past them at
    the end (`finish`).
    """

    def __init__(self) -> None:
        self.next_id: dict[type[Model], int] = {}
        self.models: set[type[Model]] = set()

    def insert(self, model: type[Model], objects: list[Any]) -> None:
        if not objects:
            return
        meta = model._meta
        table = meta.db_table
        if model not in self.next_id:
            with connection.cursor() as cursor:
                cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")
                self.next_id[model] = int(cursor.fetchone()[0]) + 1
            self.models.add(model)
        fields = list(meta.concrete_fields)
        database = connections[DEFAULT_DB_ALIAS]  # the connection itself, not the per-thread proxy
        rows = []
        for obj in objects:
            obj.pk = self.next_id[model]
            self.next_id[model] += 1
            obj._prepare_related_fields_for_save(operation_name="bulk_create")
            rows.append(tuple(f.get_db_prep_save(f.pre_save(obj, True), database) for f in fields))
            obj._state.adding = False
            obj._state.db = DEFAULT_DB_ALIAS
        columns = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        with connection.cursor() as cursor:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES ({placeholders})", rows)

    def finish(self) -> None:
        """Move PostgreSQL's id sequences past the ids given here (SQLite's follow by themselves)."""
        statements = connection.ops.sequence_reset_sql(no_style(), list(self.models))
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _insert(plans: list[_Plan], grounds: dict[str, int], rng: random.Random, rows: _Rows) -> None:
    """One batch of cases with their parties, timeline, tasks and grounds, in one transaction."""
    today = timezone.localdate()
    with transaction.atomic():
        rows.insert(Case, [plan.case for plan in plans])
        parties: list[Party] = []
        events: list[CaseEvent] = []
        tasks: list[Task] = []
        through: list[object] = []
        for plan in plans:
            case = plan.case
            office = case.office
            parties.append(
                Party(
                    case=case,
                    role=PartyRole.PERSON,
                    is_anonymous=plan.anonymous,
                    name="" if plan.anonymous else plan.person,
                    phone=f"+47 4{rng.randint(0, 99):02d} {rng.randint(10, 99)} {rng.randint(100, 999)}"
                    if rng.random() < 0.8
                    else "",
                    name_key=None if plan.anonymous else services.name_key(office, plan.person),
                    created_at=case.received_at,
                )
            )
            if plan.counterpart or plan.counterpart_kind != "private_person":
                parties.append(
                    Party(
                        case=case,
                        role=PartyRole.COUNTERPART,
                        counterpart_kind=plan.counterpart_kind,
                        is_anonymous=not plan.counterpart,
                        name=plan.counterpart,
                        name_key=services.name_key(office, plan.counterpart) if plan.counterpart else None,
                        created_at=case.received_at,
                    )
                )
            for position, (kind, body) in enumerate(plan.entries):
                events.append(
                    CaseEvent(
                        case=case,
                        kind=kind,
                        author=case.assigned_to,
                        body=body,
                        data={"channel": case.channel} if kind == EventKind.CREATED else {},
                        occurred_at=case.received_at + dt.timedelta(days=position),
                    )
                )
            if plan.task is not None:
                title, due, done = plan.task
                tasks.append(
                    Task(
                        case=case,
                        title=title,
                        due_date=today + dt.timedelta(days=due),
                        assignee=case.assigned_to,
                        created_by=case.assigned_to,
                        done_at=case.closed_at if done else None,
                    )
                )
            for code in plan.grounds:
                if code in grounds:
                    through.append(Case.grounds.through(case_id=case.pk, term_id=grounds[code]))
        rows.insert(Party, parties)
        rows.insert(CaseEvent, events)
        rows.insert(Task, tasks)
        rows.insert(Case.grounds.through, through)


def _searchable_text(plan: _Plan) -> tuple[str, list[str]]:
    """The case's free text and its names, as `search.case_search_terms` reads them."""
    bodies = [plan.case.narrative, *(body for _, body in plan.entries)]
    if plan.task is not None:
        bodies.append(plan.task[0])
    names = [name for name in (("" if plan.anonymous else plan.person), plan.counterpart) if name]
    return " ".join(bodies), names


def _enrich(
    office: Office, case: Case, rng: random.Random, *, parties: int, tasks: int, entries: int, documents: int
) -> tuple[str, list[str]]:
    """Make `case` a rich one (many parties, tasks, entries and files): the case page's worst."""
    pools = list(people.NAME_POOLS)
    weights = [people.POOL_WEIGHTS["OSL"][pool.key] for pool in pools]
    roles = [
        PartyRole.COUNTERPART,
        PartyRole.WITNESS,
        PartyRole.WITNESS,
        PartyRole.REPRESENTATIVE,
        PartyRole.REPORTER,
    ]
    today = timezone.localdate()
    added_text: list[str] = []
    names: list[str] = []
    with transaction.atomic():
        new_parties = []
        for position in range(parties):
            name = _name(rng, pools, weights)
            names.append(name)
            new_parties.append(
                Party(
                    case=case,
                    role=roles[position % len(roles)],
                    name=name,
                    notes="Forelder" if roles[position % len(roles)] == PartyRole.REPRESENTATIVE else "",
                    name_key=services.name_key(office, name),
                )
            )
        Party.objects.bulk_create(new_parties)
        new_tasks = []
        for position in range(tasks):
            title = rng.choice(texts.TASKS_NB)
            added_text.append(title)
            new_tasks.append(
                Task(
                    case=case,
                    title=title,
                    due_date=today + dt.timedelta(days=rng.randint(-10, 20)),
                    assignee=case.assigned_to,
                    done_at=timezone.now() if position % 3 == 0 else None,
                )
            )
        Task.objects.bulk_create(new_tasks)
        new_events = []
        for position in range(entries):
            kind = rng.choice([EventKind.CALL, EventKind.NOTE, EventKind.EMAIL, EventKind.MEETING])
            body = rng.choice(texts.NOTES_NB if kind == EventKind.NOTE else texts.CALLS_NB)
            added_text.append(body)
            new_events.append(
                CaseEvent(
                    case=case,
                    kind=kind,
                    author=case.assigned_to,
                    body=body,
                    occurred_at=case.received_at + dt.timedelta(hours=position + 1),
                )
            )
        CaseEvent.objects.bulk_create(new_events)
        new_documents = []
        for _ in range(documents):
            filename, content = rng.choice(texts.DOCUMENTS_NB)
            added_text.append(filename)
            new_documents.append(
                Document(
                    case=case,
                    kind=DocumentKind.EVIDENCE,
                    filename=filename,
                    content_type="text/plain",
                    size=len(content.encode()),
                    storage_name=secrets.token_hex(16),  # never opened: the page lists files only
                    uploaded_by=case.assigned_to,
                )
            )
        Document.objects.bulk_create(new_documents)
    return " ".join(added_text), names


class _Names:
    """`search.name_terms` of a name, computed once per distinct name (the pools repeat names)."""

    def __init__(self, office: Office) -> None:
        self.office = office
        self.known: dict[str, frozenset[str]] = {}

    def __call__(self, name: str) -> frozenset[str]:
        found = self.known.get(name)
        if found is None:
            found = self.known[name] = frozenset(search.name_terms(self.office, name))
        return found


def _office_code(number: int) -> str:
    """BEN for the measured office, then BXAA, BXAB, ... (two to six capital letters)."""
    if number == 0:
        return OFFICE_CODE
    return "BX" + chr(ord("A") + (number - 1) // 26) + chr(ord("A") + (number - 1) % 26)


def _make_office(number: int) -> tuple[Office, list[User]]:
    office = Office.objects.create(
        name="Benchmark office" if number == 0 else f"Benchmark office {number + 1}",
        code=_office_code(number),
        jurisdiction="NO",
        municipalities=["Oslo"],
        languages=["nb", "en"],
    )
    prefix = "bench" if number == 0 else f"bench{number + 1}"
    advisers = []
    for position in range(ADVISERS if number == 0 else OTHER_ADVISERS):
        username = f"{prefix}.adviser{position or ''}"
        if position == 0:
            advisers.append(User.objects.create(username=username, first_name="Bench", last_name="Adviser"))
        else:
            advisers.append(
                User.objects.create(username=username, first_name="Kollega", last_name=str(position))
            )
    Membership.objects.bulk_create(
        [Membership(user=user, office=office, role=Role.ADVISER) for user in advisers]
    )
    return office, advisers


def build(*, cases: int, offices: int = 1, seed: int = 100_000) -> Dataset:
    """`cases` cases in all, spread evenly over `offices` offices (the first, BEN, is the one
    measured; it takes the remainder). The offices' cases arrive interleaved in time, as in a
    shared installation, so one office's rows are spread through the tables, not side by side."""
    if offices < 1 or cases < offices:
        raise ValueError("at least one office, and at least one case per office")
    started = time.perf_counter()
    rng = random.Random(seed)
    made = [_make_office(number) for number in range(offices)]
    office, advisers = made[0]
    adviser = advisers[0]
    grounds = dict(
        Term.objects.filter(jurisdiction="NO", kind=TermKind.GROUND)
        .values_list("code", "pk")
        .order_by("valid_from")
    )
    pools = list(people.NAME_POOLS)
    weights = [people.POOL_WEIGHTS["OSL"][pool.key] for pool in pools]
    themes = list(texts.THEMES)
    theme_weights = [theme.weight_no for theme in themes]
    per_office = [cases // offices] * offices
    per_office[0] += cases - sum(per_office)
    # Which office each case (in date order) belongs to: every office's cases spread over time.
    office_of = [number for number, count in enumerate(per_office) for _ in range(count)]
    rng.shuffle(office_of)
    rare_at = set(rng.sample(range(per_office[0]), min(RARE_NAME_CASES, per_office[0])))
    now = timezone.now()
    # Stems and name terms depend on the language only; hashes are per office.
    stems = _Stems(office)
    name_terms = _Names(office)
    hashes = [_Hashes(other) for other, _ in made]
    office_of_pk = {other.pk: number for number, (other, _) in enumerate(made)}
    by_token: list[dict[int, list[int]]] = [defaultdict(list) for _ in made]
    serials: list[dict[int, int]] = [defaultdict(int) for _ in made]
    received = sorted(now - dt.timedelta(days=HISTORY_DAYS * rng.random() ** 1.3) for _ in range(cases))
    plaintext: dict[int, tuple[dt.datetime, str]] = {}
    received_by_case: dict[int, dt.datetime] = {}
    sample_number = ""
    seen_here = 0  # cases of the measured office so far
    own_open: list[_Plan] = []  # the adviser's newest open cases, for the typical and rich pages
    others: list[_Plan] = []  # the office's other newest cases, should the adviser have too few
    rows = _Rows()
    for start in range(0, cases, BATCH):
        plans = []
        for position in range(start, min(start + BATCH, cases)):
            number = office_of[position]
            when = received[position]
            year = timezone.localtime(when).year
            serials[number][year] += 1
            is_rare = False
            if number == 0:
                is_rare = seen_here in rare_at
                if seen_here == per_office[0] // 2:
                    sample_number = f"{OFFICE_CODE}-{year}-{serials[0][year]:04d}"
                seen_here += 1
            here, here_advisers = made[number]
            plans.append(
                _plan(
                    rng,
                    office=here,
                    when=when,
                    year=year,
                    serial=serials[number][year],
                    advisers=here_advisers,
                    pools=pools,
                    weights=weights,
                    themes=themes,
                    theme_weights=theme_weights,
                    person=RARE_NAME if is_rare else _name(rng, pools, weights),
                )
            )
        _insert(plans, grounds, rng, rows)
        for plan in plans:
            number = office_of_pk[plan.case.office_id]
            text, names = _searchable_text(plan)
            terms = stems(text)
            for name in names:
                terms |= name_terms(name)
            tokens = by_token[number]
            for token in hashes[number](terms):
                tokens[token].append(plan.case.pk)
            received_by_case[plan.case.pk] = plan.case.received_at
            if number == 0:
                plaintext[plan.case.pk] = (plan.case.received_at, " ".join([plan.case.number, text, *names]))
                if plan.person == RARE_NAME:
                    continue
                if plan.case.assigned_to_id == adviser.pk and plan.case.status in {
                    CaseStatus.ADVICE,
                    CaseStatus.ASSISTANCE,
                }:
                    own_open.append(plan)
                else:
                    others.append(plan)
        own_open = own_open[-200:]
        others = others[-200:]
    rows.finish()
    # The newest open cases of the adviser's own: a typical one (a person, a counterpart, a task
    # and a few entries) and one made rich (6 parties, 10 tasks, 48 entries, 3 documents). In a
    # small office (the 1m mode's shape at a smaller size) the office's other newest cases, which
    # the adviser may read too.
    candidates = own_open[::-1] + others[::-1]
    typical = next((plan.case for plan in candidates if plan.task and plan.counterpart), None)
    typical = typical or next((plan.case for plan in candidates if plan.counterpart), None)
    rich = next((plan.case for plan in candidates if plan.case is not typical), None)
    if typical is None or rich is None:
        raise RuntimeError("too few cases for a typical and a rich case page; use more cases")
    extra_text, extra_names = _enrich(office, rich, rng, parties=5, tasks=10, entries=47, documents=3)
    rich_terms = search.stems(office, extra_text)
    for name in extra_names:
        rich_terms |= search.name_terms(office, name)
    for token in hashes[0](rich_terms):
        if rich.pk not in by_token[0][token]:
            by_token[0][token].append(rich.pk)
    when, text = plaintext[rich.pk]
    plaintext[rich.pk] = (when, " ".join([text, extra_text, *extra_names]))
    # The numbering continues after the bulk-made cases, as if the service had numbered them.
    CaseNumberSequence.objects.bulk_create(
        [
            CaseNumberSequence(office=here, year=year, last_serial=last)
            for (here, _), numbers in zip(made, serials, strict=True)
            for year, last in numbers.items()
        ]
    )
    index_rows = 0
    for (here, _), tokens in zip(made, by_token, strict=True):  # office by office, in key order
        with transaction.atomic():
            index_rows += _write_index(here, tokens, {"received_at": received_by_case})
    # What the nightly housekeeping (and PostgreSQL's autovacuum a minute after a bulk load)
    # does: the planner's statistics, counted in full.
    refresh_planner_statistics()
    return Dataset(
        office=office,
        adviser=adviser,
        viewer=build_viewer(adviser, office_public_id=str(office.public_id)),
        cases=cases,
        offices=offices,
        office_cases=per_office[0],
        index_rows=index_rows,
        sample_number=sample_number,
        typical_case=str(typical.public_id),
        rich_case=str(rich.public_id),
        seconds=time.perf_counter() - started,
        plaintext=plaintext,
    )
