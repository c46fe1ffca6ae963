"""DiMe's 2019 annual report (the model report, seed 001) comes out of Likeverd: an office's 2019
is built through the services from the report's own numbers, and the report's tables read back
with its labels and figures.

What the model report counts, and where it lives here:
- 3.2.1 cases per area of society: the office's reporting categories (the report's own list);
- 3.2.2 the eight cases sent to the bench per area: the kind of place on the case (Arbeidsplass,
  Varer/tjenester, Internett, Nabokonflikt, Skole/utdanning are places, and cut across the areas
  of society: three bench cases were about goods and services, one case of sixty was in that
  area); two were mediated with good results (agreement after a meeting), six were resolved in
  the preparatory talks;
- 4.2 eleven courses and talks, 334 participants: sessions of the office's courses;
- 4.3 eight stands; 5 income by funder and costs by kind, 1 640 796 kr each.
"""

import datetime as dt

import pytest
import time_machine
from django.utils import translation

from likeverd.accounts.models import Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.tests.factories import make_staff, viewer_of
from likeverd.accounts.viewer import Viewer
from likeverd.cases import services as case_services
from likeverd.cases.models import CaseStatus, PlaceKind
from likeverd.core import clock
from likeverd.mediation import services as bench
from likeverd.mediation.models import BenchKind, BenchOutcome, ConsentManner, Side
from likeverd.mediation.tests.helpers import establish_facts, meeting_plan
from likeverd.outreach.models import EventKind, ExpenseKind
from likeverd.statistics.selectors import report_tables
from likeverd.statistics.tests import outreach_helpers as outreach
from likeverd.statistics.tests.helpers import at, by_id, case, figures

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

# 3.2.1 "Oversikt enkelthenvendelser": area of society (category code) -> cases.
CASES_PER_AREA = {
    "working_life": 5,
    "housing": 15,
    "nightlife": 5,
    "welfare_office": 2,
    "harassment": 6,
    "health": 2,
    "education": 4,
    "child_welfare": 1,
    "goods_services": 1,
    "ethnic_profiling": 2,
    "leisure": 3,
    "hate_crime": 8,
    "other": 6,
}
# 3.2.2 the bench's eight cases: (area of society, place, grounds, what came of it).
ETHNIC, POLITICAL, QUEER = ("ETHNICITY",), ("POLITICAL_VIEW",), ("SEXUAL_ORIENTATION", "ETHNICITY")
AGREED, RESOLVED = BenchOutcome.AGREEMENT, BenchOutcome.RESOLVED_IN_PREPARATION
BENCH_CASES = [
    ("working_life", PlaceKind.WORKPLACE, ETHNIC, AGREED),
    ("working_life", PlaceKind.WORKPLACE, POLITICAL, RESOLVED),
    ("goods_services", PlaceKind.SHOP, ETHNIC, AGREED),
    ("nightlife", PlaceKind.SHOP, ETHNIC, RESOLVED),
    ("nightlife", PlaceKind.SHOP, ETHNIC, RESOLVED),
    ("hate_crime", PlaceKind.ONLINE, QUEER, RESOLVED),
    ("housing", PlaceKind.HOME, QUEER, RESOLVED),
    ("education", PlaceKind.SCHOOL, ETHNIC, RESOLVED),
]
# 4.2: eleven courses and talks with about how many took part.
COURSES = [
    ("Hvordan gjenkjenne diskriminering", "Pride House, Pride Oslo", 15),
    ("Hvordan gjenkjenne diskriminering", "Fagforbundet barn og oppvekst", 15),
    ("Hvordan gjenkjenne diskriminering", "Fagforbundet Oslo", 14),
    ("Innlegg og foredrag", "CP-foreningen", 50),
    ("Innlegg og foredrag", "Amnesty International", 30),
    ("Innlegg og foredrag", "Skeiv Verden (ABC-kurs)", 30),
    ("Innlegg og foredrag", "Agenda X, Antirasistisk Senter, Røde Kors og Salto", 40),
    ("Innlegg og foredrag", "Norges Kristelige Studentforbund, Utøya", 30),
    ("Innlegg og foredrag", "OXLO-prisen", 60),
    ("Innlegg og foredrag", "Skeiv Kafe", 30),
    ("Innlegg og foredrag", "Stovner politinettverk", 20),
]
STANDS = [
    "Kvinnedagen «Kvinner forandrer verden»",
    "Pride Oslo, Spikersuppa",
    "Kommunalkonferansen",
    "Norsk Folkehjelps landsmøte",
    "OXLO-konferansen",
    "Handel og Kontors HK-uke",
    "OXLO Kvinnekonferanse",
    "Kvinner Kan kurs",
]
COSTS = {
    ExpenseKind.SALARIES: 1_179_209,
    ExpenseKind.CONSULTANTS: 53_000,
    ExpenseKind.PARTNERS: 153_923,
    ExpenseKind.EQUIPMENT: 78_266,
    ExpenseKind.INFORMATION: 2_985,
    ExpenseKind.ADVERTISING: 6_164,
    ExpenseKind.MEETINGS: 3_177,
    ExpenseKind.ADMINISTRATION: 125_072,
    ExpenseKind.AUDIT: 39_000,
}


def _send_to_bench(
    adviser: Viewer,
    mediator: User,
    number: int,
    area: str,
    place: str,
    grounds: tuple[str, ...],
    outcome: str,
) -> None:
    moment = at(dt.date(2019, 2 + number, 4))
    with time_machine.travel(moment, tick=False):
        registered = case(adviser, moment, category_code=area, grounds=grounds, place_kind=place)
        case_services.change_case_status(viewer=adviser, case=registered, to_status=CaseStatus.SORTING)
        establish_facts(adviser, registered)
        referral = bench.refer_to_bench(
            viewer=adviser,
            case=registered,
            kind=BenchKind.DISCRIMINATION,
            reasons="Both want to talk.",
            routes_told_on=clock.today(),
            mediator=mediator,
        )
        mediating = viewer_of(mediator)
        for side in Side.values:
            bench.record_consent(
                viewer=mediating,
                referral=referral,
                side=side,
                given_on=clock.today(),
                manner=ConsentManner.PHONE,
            )
        referral.refresh_from_db()
        meeting = bench.schedule_meeting(
            viewer=mediating, referral=referral, plan=meeting_plan(days=7, invitees="")
        )
    done = meeting.ends_at if outcome == AGREED else moment + dt.timedelta(days=3)
    with time_machine.travel(done, tick=False):
        if outcome == AGREED:
            bench.mark_meeting_held(viewer=mediating, meeting=meeting)
        bench.record_outcome(viewer=mediating, referral=referral, outcome=outcome)


def _build_2019(office: Office, adviser: User) -> None:
    case_services.create_default_reporting_categories(office=office)
    advising = viewer_of(adviser)
    mediator = make_staff(office, Role.MEDIATOR)
    coordinator = viewer_of(make_staff(office, Role.COORDINATOR))
    remaining = dict(CASES_PER_AREA)
    for number, (area, place, grounds, outcome) in enumerate(BENCH_CASES):
        _send_to_bench(advising, mediator, number, area, place, grounds, outcome)
        remaining[area] -= 1
    day = 0
    for area, count in remaining.items():
        for _ in range(count):
            case(
                advising,
                at(dt.date(2019, 1, 2) + dt.timedelta(days=day * 6)),
                category_code=area,
                grounds=ETHNIC,
            )
            day += 1

    templates = {
        "Hvordan gjenkjenne diskriminering": outreach.template(
            coordinator, "Hvordan gjenkjenne diskriminering", hours=6, capacity=25
        ),
        "Innlegg og foredrag": outreach.template(coordinator, "Innlegg og foredrag", hours=1, capacity=100),
    }
    for number, (course, host, participants) in enumerate(COURSES):
        outreach.session(coordinator, templates[course], dt.date(2019, 1 + number, 15), participants, host)
    for number, title in enumerate(STANDS):
        outreach.event(coordinator, dt.date(2019, 3 + number, 8), title, kind=EventKind.STAND)

    def give(name: str, **amounts: object) -> None:
        outreach.grant(coordinator, outreach.funder(coordinator, name), 2019, **amounts)

    give("Stiftelsen Dam helse (tidligere Extrastiftelsen)", granted=460_000, received=460_000, repaid=40_000)
    give("Oslo kommune inkluderingstiltak", carried_in=218_175, carried_in_from=2018)
    give("Oslo kommune integreringsarbeid", granted=800_000, received=800_000)
    give("Politidirektoratet", carried_in=202_621, carried_in_from=2018)
    give(
        "Kompetansesenter for kriminalitetsforebygging",
        granted=100_000,
        received=100_000,
        carried_out=100_000,
        carried_out_to=2020,
    )
    for kind, amount in COSTS.items():
        outreach.expense(coordinator, 2019, kind, amount)


def test_the_model_reports_2019_tables_come_back_with_its_labels_and_figures(
    office: Office, adviser: User
) -> None:
    _build_2019(office, adviser)

    with translation.override("nb"):
        tables = by_id(
            report_tables(
                actor=viewer_of(adviser),
                offices=[office],
                start=dt.date(2019, 1, 1),
                end=dt.date(2019, 12, 31),
                controlled=False,
            )
        )

    assert [(row.label, row.values) for row in tables["cases_by_category"].rows] == [
        ("Arbeidsliv", (5,)),
        ("Bolig og nabokonflikter", (15,)),
        ("Uteliv", (5,)),
        ("NAV", (2,)),
        ("Trakassering/dårlig oppførsel", (6,)),
        ("Helse", (2,)),
        ("Skole/utdanning", (4,)),
        ("Barnevern", (1,)),
        ("Varer og tjenester", (1,)),
        ("Etnisk profilering", (2,)),
        ("Fritid", (3,)),
        ("Hatkriminalitet", (8,)),
        ("Annet", (6,)),
    ]
    assert tables["cases_by_category"].title == "Saker etter samfunnsområde"
    assert figures(tables["cases_by_category"])["="] == (60,)

    # The report's Arbeidsplass, Skole/utdanning, Varer/tjenester, Nabokonflikt and Internett.
    assert figures(tables["mediation_by_area"]) == {
        "Arbeidsplass": (2,),
        "Skole eller barnehage": (1,),
        "Butikk eller tjeneste": (3,),
        "Hjem eller nabolag": (1,),
        "På nett": (1,),
        "=": (8,),
    }
    assert figures(tables["mediation_outcomes"]) == {
        "Avtale": (2,),
        "Løst under forberedelsene": (6,),
        "=": (8,),
    }
    # Five of the bench's cases on ethnicity alone, one political view, two sexual orientation and
    # ethnicity together; every other case of the year on ethnicity.
    combinations = {row.key: row.values for row in tables["cases_by_ground_combination"].rows}
    assert combinations["ETHNICITY+SEXUAL_ORIENTATION"] == (2,)
    assert combinations["POLITICAL_VIEW"] == (1,)
    assert combinations["ETHNICITY"] == (57,)

    assert tables["courses"].columns == ("Gjennomføringer", "Deltakere")
    assert figures(tables["courses"]) == {
        "Hvordan gjenkjenne diskriminering": (3, 44),
        "Innlegg og foredrag": (8, 290),
        "=": (11, 334),
    }
    assert figures(tables["events"]) == {"Stand": (8, 0), "=": (8, 0)}

    income = tables["income"]
    assert income.unit == "NOK"
    assert income.chart == "none"
    assert figures(income) == {
        "Kompetansesenter for kriminalitetsforebygging": (0,),  # carried on to 2020
        "Oslo kommune inkluderingstiltak": (218_175,),
        "Oslo kommune integreringsarbeid": (800_000,),
        "Politidirektoratet": (202_621,),
        "Stiftelsen Dam helse (tidligere Extrastiftelsen)": (420_000,),
        "=": (1_640_796,),
    }
    assert figures(tables["costs"]) == {
        "Lønn, sosiale kostnader og felleskostnader": (1_179_209,),
        "Innleide konsulenter (kurs og aktiviteter)": (53_000,),
        "Overført til samarbeidspartnere": (153_923,),
        "Kontorutstyr og IT": (78_266,),
        "Informasjonsmateriell": (2_985,),
        "Reklame": (6_164,),
        "Møter, seminarer og reiser": (3_177,),
        "Administrasjon": (125_072,),
        "Revisjon": (39_000,),
        "=": (1_640_796,),
    }
