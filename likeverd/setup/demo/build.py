"""Building the demo: two offices, a person for every role, and a few hundred invented cases.

Everything is written through the case services (so timeline, audit log and search index are
what real use would produce), at the time it would have happened: each step travels the
clock back with time-machine. The random generator has a fixed seed, so every run on an empty
database produces the same offices, people and cases (case texts are encrypted with fresh
nonces, so only the ciphertexts differ).
"""

import random
import time
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from likeverd.accounts.models import Office
from likeverd.accounts.viewer import Viewer
from likeverd.core import clock
from likeverd.setup.demo import casework, mediation, people, reporter, web_reports
from likeverd.setup.demo.bookings import build_bookings
from likeverd.setup.demo.cases import build_case
from likeverd.setup.demo.context import office_context
from likeverd.setup.demo.knowledge import load_demo_knowledge
from likeverd.setup.demo.outreach import add_outreach
from likeverd.setup.demo.planning import DEFAULT_CASES, DEMO_SEED, OSLO_SHARE, plan_office
from likeverd.setup.demo.report_texts import add_report_texts
from likeverd.setup.demo.staff import ensure_office, ensure_staff


@dataclass
class DemoSummary:
    created_offices: list[str] = field(default_factory=list)
    skipped_offices: list[str] = field(default_factory=list)
    cases: int = 0
    seconds: float = 0.0
    # (office code, receipt code) of the demo web report, when it was made by this run
    receipt_codes: list[tuple[str, str]] = field(default_factory=list)


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
            offices[spec.code], was_created = ensure_office(spec)
            if was_created:
                created.append(spec)
            else:
                summary.skipped_offices.append(spec.code)
        users = {spec.username: ensure_staff(spec, offices) for spec in people.STAFF}
    coordinators: dict[str, Viewer] = {}
    for spec in people.OFFICES:
        # Each office has its own generator, so a second office never changes the first one's data.
        if spec not in created:
            continue
        office_rng = random.Random(f"{seed}:{spec.code}")
        plans = plan_office(office_rng, spec, counts[spec.code], now)
        context = office_context(offices[spec.code], spec, users)
        with transaction.atomic():
            built = [build_case(office_rng, context, plan, now) for plan in plans]
            # Drafts and referrals (triage) on a few open cases, as of now.
            casework.add_casework(adviser=context.advisers[0], cases=built[::-1])
            add_outreach(office_rng, context.coordinator, spec.narrative_language, timezone.localdate(now))
            add_report_texts(context.coordinator, spec.narrative_language, timezone.localdate(now))
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
