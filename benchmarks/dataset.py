"""One office with many cases, inserted in bulk.

Cases and their people are created with bulk_create (so narratives and names are encrypted by
the real field), and the blind index with the real `likeverd.cases.search` functions, written
in one pass in index order. Nothing goes through the services: 100,000 cases through them
would take hours and measure the services, not search.
"""

import datetime as dt
import random
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from likeverd.accounts.models import Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.viewer import Viewer, build_viewer
from likeverd.cases import search
from likeverd.cases.models import Case, CaseStatus, Channel, Outcome, Party, PartyRole
from likeverd.setup.demo import people, texts

OFFICE_CODE = "BEN"
# A name no pool can produce: the "rare name" query finds exactly these cases.
RARE_NAME = "Wanjiru Lindahl"
RARE_NAME_CASES = 3
BATCH = 5000
STATUSES = (
    [CaseStatus.CLOSED] * 80 + [CaseStatus.ADVICE] * 8 + [CaseStatus.ASSISTANCE] * 7 + [CaseStatus.NEW] * 5
)


@dataclass
class Dataset:
    office: Office
    viewer: Viewer
    cases: int
    index_rows: int
    sample_number: str
    seconds: float


def _narrative(rng: random.Random, theme: texts.Theme) -> str:
    profile = rng.choices(texts.GROUND_PROFILES, weights=[p.weight for p in texts.GROUND_PROFILES])[0]
    place = rng.choice(texts.PLACES_NO)
    counterpart = (
        rng.choice(theme.counterparts_no).format(place=place) if theme.counterparts_no else "motparten"
    )
    return " ".join(
        [
            rng.choice(theme.narratives_nb).format(cp=counterpart, place=place),
            profile.clause_nb,
            rng.choice(list(texts.WISH_CLAUSES_NB.values())),
            rng.choice(texts.NOTES_NB),
            rng.choice(texts.CALLS_NB),
        ]
    )


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
        new = [term for term in terms if term not in self.known]
        for term in new:
            (self.known[term],) = search.hashes_for(self.office, [term])
        return {self.known[term] for term in terms}


def _write_index(office: Office, by_token: dict[int, list[int]]) -> int:
    """Insert the index in primary-key order (office, token, case): appends, not random inserts."""

    def rows() -> Iterator[tuple[int, int, int]]:
        for token in sorted(by_token):
            for case_id in by_token[token]:
                yield (office.pk, token, case_id)

    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy("COPY cases_searchtoken (office_id, token, case_id) FROM STDIN") as copy:
                for row in rows():
                    copy.write_row(row)
                    count += 1
            return count
        chunk: list[tuple[int, int, int]] = []
        for row in rows():
            chunk.append(row)
            if len(chunk) == 50_000:
                cursor.executemany(
                    "INSERT INTO cases_searchtoken (office_id, token, case_id) VALUES (%s, %s, %s)", chunk
                )
                count += len(chunk)
                chunk = []
        if chunk:
            cursor.executemany(
                "INSERT INTO cases_searchtoken (office_id, token, case_id) VALUES (%s, %s, %s)", chunk
            )
            count += len(chunk)
    return count


def build(*, cases: int, seed: int = 100_000) -> Dataset:
    started = time.perf_counter()
    rng = random.Random(seed)
    office = Office.objects.create(
        name="Benchmark office",
        code=OFFICE_CODE,
        jurisdiction="NO",
        municipalities=["Oslo"],
        languages=["nb", "en"],
    )
    user = User.objects.create(username="bench.adviser", first_name="Bench", last_name="Adviser")
    Membership.objects.create(user=user, office=office, role=Role.ADVISER)
    pools = list(people.NAME_POOLS)
    weights = [people.POOL_WEIGHTS["OSL"][pool.key] for pool in pools]
    themes = list(texts.THEMES)
    theme_weights = [theme.weight_no for theme in themes]
    rare_at = set(rng.sample(range(cases), min(RARE_NAME_CASES, cases)))
    now = timezone.now()
    hashes = _Hashes(office)
    by_token: dict[int, list[int]] = defaultdict(list)
    channels = list(Channel.values)
    serials: dict[int, int] = defaultdict(int)
    received = sorted(now - dt.timedelta(days=3650 * rng.random()) for _ in range(cases))
    sample_number = ""
    for start in range(0, cases, BATCH):
        batch: list[Case] = []
        names: list[str] = []
        for position in range(start, min(start + BATCH, cases)):
            when = received[position]
            year = timezone.localtime(when).year
            serials[year] += 1
            status = rng.choice(STATUSES)
            batch.append(
                Case(
                    office=office,
                    year=year,
                    serial=serials[year],
                    number=f"{OFFICE_CODE}-{year}-{serials[year]:05d}",
                    channel=rng.choice(channels),
                    received_at=when,
                    status=status,
                    outcome=Outcome.ADVICE_GIVEN if status == CaseStatus.CLOSED else "",
                    narrative=_narrative(rng, rng.choices(themes, weights=theme_weights)[0]),
                    incident_municipality="Oslo",
                    residence_municipality="Oslo",
                )
            )
            names.append(RARE_NAME if position in rare_at else _name(rng, pools, weights))
        with transaction.atomic():
            Case.objects.bulk_create(batch)
            Party.objects.bulk_create(
                [
                    Party(case=case, role=PartyRole.PERSON, name=name)
                    for case, name in zip(batch, names, strict=True)
                ]
            )
        for case, name in zip(batch, names, strict=True):
            for token in hashes(search.stems(office, case.narrative) | search.name_terms(office, name)):
                by_token[token].append(case.pk)
        if not sample_number:
            sample_number = batch[len(batch) // 2].number
    with transaction.atomic():
        index_rows = _write_index(office, by_token)
    return Dataset(
        office=office,
        viewer=build_viewer(user, office_public_id=str(office.public_id)),
        cases=cases,
        index_rows=index_rows,
        sample_number=sample_number,
        seconds=time.perf_counter() - started,
    )
