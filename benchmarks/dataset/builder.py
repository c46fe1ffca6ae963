"""The whole dataset: offices, cases in batches, the index, and the typical and rich cases."""

import datetime as dt
import pickle
import random
import time
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from benchmarks.dataset.index import Hashes, Names, Stems, write_index
from benchmarks.dataset.plans import RARE_NAME, Plan, person_name, plan_case, searchable_text
from benchmarks.dataset.rich import enrich
from benchmarks.dataset.rows import Rows, insert_batch
from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.viewer import Viewer, build_viewer
from likeverd.cases import search
from likeverd.cases.models import (
    CaseNumberSequence,
    CaseStatus,
)
from likeverd.core.planner import refresh_planner_statistics
from likeverd.setup.demo import people, texts
from likeverd.taxonomy.models import Term, TermKind

OFFICE_CODE = "BEN"
RARE_NAME_CASES = 3
ADVISERS = 8  # the benchmark's adviser and seven colleagues share the office's cases
OTHER_ADVISERS = 4  # in each further office (the 1,000,000-case mode's 49 others)
BATCH = 5000
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

    def dump(self) -> bytes:
        """For a kept database (--keep): the record by primary keys, read back by `load`."""
        fields = {
            name: value for name, value in vars(self).items() if name not in {"office", "adviser", "viewer"}
        }
        return pickle.dumps({"office": self.office.pk, "adviser": self.adviser.pk, **fields})

    @classmethod
    def load(cls, dumped: bytes) -> "Dataset":
        """The record `dump` wrote, in the kept database it describes (the benchmark's own file)."""
        fields = pickle.loads(dumped)  # noqa: S301 - written by this benchmark into its own folder
        office = Office.objects.get(pk=fields.pop("office"))
        adviser = User.objects.get(pk=fields.pop("adviser"))
        viewer = build_viewer(adviser, office_public_id=str(office.public_id))
        return cls(office=office, adviser=adviser, viewer=viewer, **fields)


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
    stems = Stems(office)
    name_terms = Names(office)
    hashes = [Hashes(other) for other, _ in made]
    office_of_pk = {other.pk: number for number, (other, _) in enumerate(made)}
    by_token: list[dict[int, list[int]]] = [defaultdict(list) for _ in made]
    serials: list[dict[int, int]] = [defaultdict(int) for _ in made]
    received = sorted(now - dt.timedelta(days=HISTORY_DAYS * rng.random() ** 1.3) for _ in range(cases))
    plaintext: dict[int, tuple[dt.datetime, str]] = {}
    received_by_case: dict[int, dt.datetime] = {}
    sample_number = ""
    seen_here = 0  # cases of the measured office so far
    own_open: list[Plan] = []  # the adviser's newest open cases, for the typical and rich pages
    others: list[Plan] = []  # the office's other newest cases, should the adviser have too few
    rows = Rows()
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
                plan_case(
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
                    person=RARE_NAME if is_rare else person_name(rng, pools, weights),
                )
            )
        insert_batch(plans, grounds, rng, rows)
        for plan in plans:
            number = office_of_pk[plan.case.office_id]
            text, names = searchable_text(plan)
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
    extra_text, extra_names = enrich(office, rich, rng, parties=5, tasks=10, entries=47, documents=3)
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
            index_rows += write_index(here, tokens, {"received_at": received_by_case})
    # What the nightly `likeverd analyze` (and PostgreSQL's autovacuum a minute after a bulk load)
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
