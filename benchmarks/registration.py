"""Case registration through the service (`services.register_case`, as the register-call form
calls it), by 1 and by 16 concurrent clients (threads, each with its own database connection):
cases per second, p50 and p99 of one registration, and whether every case was stored."""

import random
import statistics
import threading
import time
from dataclasses import dataclass

from django.db import connection

from benchmarks.dataset import Dataset
from benchmarks.dataset.plans import person_name
from likeverd.cases import services
from likeverd.cases.models import Case, Channel
from likeverd.cases.services import CaseDetails, PersonDetails
from likeverd.setup.demo import people, texts

TARGET_TAIL = 10.0  # p99 at 16 clients against p50


@dataclass
class RegistrationResult:
    clients: int
    cases: int
    stored: int
    errors: int
    seconds: float
    samples_ms: list[float]
    error_messages: list[str]

    @property
    def per_second(self) -> float:
        return self.stored / self.seconds

    @property
    def p50(self) -> float:
        return statistics.median(self.samples_ms) if self.samples_ms else 0.0

    @property
    def p99(self) -> float:
        ordered = sorted(self.samples_ms) or [0.0]
        return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def _inputs(rng: random.Random, count: int) -> list[tuple[CaseDetails, PersonDetails]]:
    pools = list(people.NAME_POOLS)
    weights = [people.POOL_WEIGHTS["OSL"][pool.key] for pool in pools]
    made = []
    for _ in range(count):
        theme = rng.choices(texts.THEMES, weights=[t.weight_no for t in texts.THEMES])[0]
        profile = rng.choices(texts.GROUND_PROFILES, weights=[p.weight for p in texts.GROUND_PROFILES])[0]
        place = rng.choice(texts.PLACES_NO)
        counterpart = rng.choice(theme.counterparts_no).format(place=place) if theme.counterparts_no else ""
        narrative = " ".join(
            [
                rng.choice(theme.narratives_nb).format(cp=counterpart or "motparten", place=place),
                profile.clause_nb,
                rng.choice(list(texts.WISH_CLAUSES_NB.values())),
            ]
        )
        made.append(
            (
                CaseDetails(channel=Channel.PHONE, narrative=narrative, incident_municipality="Oslo"),
                PersonDetails(
                    name=person_name(rng, pools, weights), phone="+47 400 00 000", safe_to_call=True
                ),
            )
        )
    return made


def run(dataset: Dataset, *, clients: int, per_client: int) -> RegistrationResult:
    rng = random.Random(clients)
    work = [_inputs(rng, per_client) for _ in range(clients)]
    samples: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    before = Case.objects.filter(office=dataset.office).count()
    start = threading.Barrier(clients)

    def client(inputs: list[tuple[CaseDetails, PersonDetails]]) -> None:
        mine = []
        try:
            start.wait()
            for details, person in inputs:
                began = time.perf_counter()
                try:
                    services.register_case(
                        viewer=dataset.viewer, details=details, person=person, assign_to=dataset.adviser
                    )
                except Exception as error:  # counted and reported: nothing may be lost
                    with lock:
                        errors.append(f"{type(error).__name__}: {error}")
                    continue
                mine.append((time.perf_counter() - began) * 1000)
        finally:
            connection.close()
            with lock:
                samples.extend(mine)

    threads = [threading.Thread(target=client, args=(inputs,)) for inputs in work]
    began = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    stored = Case.objects.filter(office=dataset.office).count() - before
    return RegistrationResult(clients, clients * per_client, stored, len(errors), seconds, samples, errors)


def forget_registrations(dataset: Dataset) -> int:
    """Delete the cases registration runs added to the measured office (those after the fill's
    last), so a kept database is measured again (--reuse) on the cases the baseline was built
    from. Returns how many."""
    last = max(dataset.plaintext)
    _, deleted = Case.objects.filter(office=dataset.office, pk__gt=last).delete()
    return deleted.get(Case._meta.label, 0)
