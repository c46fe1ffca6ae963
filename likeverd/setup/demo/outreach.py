"""Demo outreach and finances: two years of courses, events, media mentions, patrols (with a
witnessed case each), grants and expenses per office, shaped like the model annual report."""

import datetime as dt
import random
from decimal import Decimal

from likeverd.accounts.viewer import Viewer
from likeverd.outreach import services
from likeverd.outreach.models import (
    CourseSession,
    CourseTemplate,
    EventKind,
    Expense,
    ExpenseKind,
    Funder,
    Grant,
    MediaMention,
    OutreachEvent,
    Patrol,
)

HOSTS = {
    "nb": ["Skeiv Verden", "Norsk Folkehjelp", "Oslo Met", "Bydel Grünerløkka", "Kvinner Kan", "NAV Alna"],
    "sv": [
        "Studieförbundet Vuxenskolan",
        "Malmö universitet",
        "RFSL Malmö",
        "Rosengårds folkhögskola",
        "Region Skåne",
    ],
}
EVENTS = {
    "nb": [
        ("Oslo Pride", "Spikersuppa"),
        ("Mela-festivalen", "Rådhusplassen"),
        ("Skeiv Kafé", "Oslo"),
        ("Frivillighetens dag", "Youngstorget"),
        ("Seminar om hatkriminalitet", "Politihuset"),
    ],
    "sv": [
        ("Malmö Pride", "Folkets park"),
        ("Malmöfestivalen", "Stortorget"),
        ("MR-dagarna", "Malmö Live"),
        ("Öppet hus", "Byrån"),
        ("Seminarium om diskriminering i arbetslivet", "Lund"),
    ],
}
MEDIA = {
    "nb": ["NRK", "Aftenposten", "Vårt Land", "Utrop"],
    "sv": ["Sydsvenskan", "SVT Skåne", "Sveriges Radio Malmö"],
}
VENUES = {
    "nb": ["utested i sentrum", "fritidsklubb på Tøyen"],
    "sv": ["nattklubb vid Möllan", "fritidsgård i Rosengård"],
}
WITNESSED = {
    "nb": (
        "Frivillighetspatruljen så at to unge menn med mørk hud ble avvist i døra, "
        "mens de andre ble sluppet inn."
    ),
    "sv": "Volontärpatrullen såg att två unga män med mörk hy nekades inträde medan övriga släpptes in.",
}
# (funder, granted, received, carried in, carried out, repaid), scaled per office: the model report's shape.
GRANTS = {
    "nb": [
        ("Stiftelsen Dam", 460000, 460000, 0, 0, 40000),
        ("Oslo kommune inkluderingstiltak", 0, 0, 218175, 0, 0),
        ("Oslo kommune integreringsarbeid", 800000, 800000, 0, 0, 0),
        ("Politidirektoratet", 0, 0, 202621, 0, 0),
        ("Kompetansesenter for kriminalitetsforebygging", 100000, 100000, 0, 100000, 0),
    ],
    "sv": [
        ("Malmö stad", 900000, 900000, 0, 0, 0),
        ("Diskrimineringsombudsmannen (statsbidrag)", 650000, 650000, 0, 0, 0),
        ("Region Skåne", 150000, 150000, 0, 50000, 0),
        ("Allmänna arvsfonden", 0, 0, 120000, 0, 0),
    ],
}
COST_SHARES = [
    (ExpenseKind.SALARIES, 72),
    (ExpenseKind.CONSULTANTS, 3),
    (ExpenseKind.PARTNERS, 9),
    (ExpenseKind.EQUIPMENT, 5),
    (ExpenseKind.INFORMATION, 1),
    (ExpenseKind.ADVERTISING, 1),
    (ExpenseKind.MEETINGS, 1),
    (ExpenseKind.ADMINISTRATION, 6),
]  # the rest is the audit


def _date(rng: random.Random, year: int, today: dt.date) -> dt.date:
    last = min(dt.date(year, 12, 31), today)
    return dt.date(year, 1, 1) + dt.timedelta(days=rng.randrange((last - dt.date(year, 1, 1)).days + 1))


def add_outreach(rng: random.Random, coordinator: Viewer, language: str, today: dt.date) -> None:
    """The office's outreach and finances for last year and this year (through `coordinator`)."""
    if coordinator.office is None:
        return
    templates = services.seed_course_templates(coordinator.office)
    for year in (today.year - 1, today.year):
        share = 1.0 if year < today.year else max(today.timetuple().tm_yday / 366, 0.1)
        for _ in range(max(1, round(11 * share))):
            template: CourseTemplate = rng.choice(templates)
            services.save_record(
                coordinator,
                CourseSession(),
                fields={
                    "template": template,
                    "date": _date(rng, year, today),
                    "host_organisation": rng.choice(HOSTS[language]),
                    "audience": "",
                    "participants": rng.randint(8, template.capacity),
                    "instructors": "Demo-kursholder",
                    "paid": rng.random() < 0.5,
                },
            )
        for title, place in rng.sample(EVENTS[language], k=max(1, round(len(EVENTS[language]) * share))):
            services.save_record(
                coordinator,
                OutreachEvent(),
                fields={
                    "date": _date(rng, year, today),
                    "kind": rng.choice(list(EventKind)),
                    "title": title,
                    "place": place,
                    "audience_reached": rng.choice([None, 40, 120, 300]),
                },
            )
        for outlet in MEDIA[language]:
            services.save_record(
                coordinator,
                MediaMention(),
                fields={
                    "date": _date(rng, year, today),
                    "outlet": outlet,
                    "title": "",
                    "link": f"https://www.example.org/{outlet.lower().replace(' ', '-')}/{year}",
                },
            )
        patrol = services.save_record(
            coordinator,
            Patrol(),
            fields={
                "date": _date(rng, year, today),
                "venue": rng.choice(VENUES[language]),
                "volunteers": rng.randint(3, 8),
            },
        )
        services.register_witnessed_case(coordinator, patrol, narrative=WITNESSED[language])
        _finances(coordinator, language, year)


def _finances(coordinator: Viewer, language: str, year: int) -> None:
    income = Decimal(0)
    for name, granted, received, carried_in, carried_out, repaid in GRANTS[language]:
        funder = Funder.objects.filter(office=coordinator.office, name=name).first() or services.save_record(
            coordinator, Funder(), fields={"name": name}
        )
        grant = services.save_record(
            coordinator,
            Grant(),
            fields={
                "funder": funder,
                "year": year,
                "granted": Decimal(granted),
                "received": Decimal(received),
                "carried_in": Decimal(carried_in),
                "carried_in_from": year - 1 if carried_in else None,
                "carried_out": Decimal(carried_out),
                "carried_out_to": year + 1 if carried_out else None,
                "repaid": Decimal(repaid),
                "remarks": "",
            },
        )
        income += grant.income
    spent = Decimal(0)
    for kind, percent in COST_SHARES:
        amount = (income * percent / 100).quantize(Decimal(1))
        spent += amount
        services.save_record(
            coordinator, Expense(), fields={"year": year, "kind": kind, "amount": amount, "remarks": ""}
        )
    services.save_record(
        coordinator,
        Expense(),
        fields={"year": year, "kind": ExpenseKind.AUDIT, "amount": income - spent, "remarks": ""},
    )
