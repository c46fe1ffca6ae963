"""The names an office's values go by, in Norwegian, Swedish and English.

A cell matches a value when its folded text (`text.fold`) is the folded name of that value in
any of the three languages, or its code: the office's reporting categories (areas of society),
the grounds of the office's jurisdiction, the channels, the kinds of place (the mediation
bench's "area": workplace, goods and services, online, neighbours, school: the statistics count
mediation by the case's kind of place), and the outcomes of a case and of the mediation bench.
A few words offices use for them in their sheets are added (`SYNONYMS`); everything else goes
through the mapping step.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.utils import translation
from django.utils.functional import Promise

from likeverd.accounts.models import Office
from likeverd.cases.models import Channel, Outcome, PlaceKind
from likeverd.mediation.models import BenchOutcome
from likeverd.setup.imports.headers import Column
from likeverd.setup.imports.text import fold
from likeverd.taxonomy.models import ReportingCategory, Term, TermKind

LANGUAGES = ("nb", "sv", "en")

# Columns whose cells name a value of the office's vocabulary (the others are dates, numbers, yes/no).
NAMED_COLUMNS = (
    Column.AREA,
    Column.GROUNDS,
    Column.CHANNEL,
    Column.MEDIATION_AREA,
    Column.MEDIATION_RESULT,
    Column.OUTCOME,
)

# Words offices write for a value, besides its names: code -> words, per column.
SYNONYMS: dict[Column, dict[str, tuple[str, ...]]] = {
    Column.CHANNEL: {
        Channel.PHONE: ("tlf", "telefonsamtale", "ringt", "samtal", "telephone", "call"),
        Channel.EMAIL: ("epost", "e-post", "mail", "e-mail", "email", "e-brev", "mejl"),
        Channel.WEB: ("nettskjema", "nett", "nettside", "skjema", "webb", "webbplats", "web", "website"),
        Channel.DROP_IN: ("oppmøte", "personlig oppmøte", "besøk", "besök", "walk-in", "in person"),
        Channel.PARTNER: ("henvist", "henvisning", "samarbeidspartner", "hänvisning", "hänvisad", "referral"),
        Channel.PATROL: ("patrulje", "frivillighetspatrulje", "patrull", "patrol"),
        Channel.OTHER: ("annen", "øvrig", "övrigt", "annan"),
    },
    # DiMe's 2019 report counts the bench's cases by these "areas" (3.2.2).
    Column.MEDIATION_AREA: {
        PlaceKind.WORKPLACE: ("arbeid", "arbeidsliv", "jobb", "arbete", "arbetsliv", "work", "working life"),
        PlaceKind.SHOP: (
            "varer/tjenester", "varer og tjenester", "tjenester", "butikk", "varor och tjänster", "butik",
            "goods and services", "services",
        ),
        PlaceKind.ONLINE: (
            "internett", "nett", "nettet", "sosiale medier", "internet", "nätet", "sociala medier",
        ),
        PlaceKind.HOME: (
            "nabokonflikt", "nabo", "naboer", "bolig", "borettslag", "sameie", "grannkonflikt", "grannar",
            "boende", "neighbours", "neighbour conflict", "housing",
        ),
        PlaceKind.SCHOOL: (
            "skole/utdanning", "skole", "utdanning", "barnehage", "skola", "utbildning", "förskola",
        ),
        PlaceKind.NIGHTLIFE: ("uteliv", "utested", "nöjesliv", "krog"),
        PlaceKind.TRANSPORT: ("kollektivtrafikk", "buss", "trikk", "t-bane", "kollektivtrafik"),
        PlaceKind.POLICE: ("politi", "polis", "politikontroll", "etnisk profilering"),
        PlaceKind.HEALTH: ("helse", "sykehus", "legekontor", "vård", "sjukhus"),
        PlaceKind.PUBLIC_OFFICE: ("nav", "offentlig kontor", "kommunen", "myndighet", "försäkringskassan"),
        PlaceKind.STREET: ("gate", "gata", "offentlig sted", "street"),
        PlaceKind.OTHER: ("annet", "annat", "øvrig", "övrigt"),
    },
    Column.MEDIATION_RESULT: {
        BenchOutcome.AGREEMENT: ("enighet", "enig", "megling med avtale", "avtal", "enighet nådd", "agreed"),
        BenchOutcome.RESOLVED_IN_PREPARATION: (
            "løst", "løst før møte", "løst før meglingsmøte", "løst i forberedende samtaler",
            "löst", "löst före mötet", "resolved", "resolved before the meeting",
        ),
        BenchOutcome.NO_AGREEMENT: ("uenighet", "ikke enighet", "ikke avtale", "oenighet", "not agreed"),
        BenchOutcome.WITHDRAWN: ("trukket", "trakk seg", "drog sig ur", "avbrutt", "avbruten"),
        BenchOutcome.NOT_SUITABLE: ("ikke egnet", "uegnet", "inte lämplig", "olämplig", "unsuitable"),
    },
    # The law's ground of ethnicity covers these (likestillings- og diskrimineringsloven § 6,
    # diskrimineringslagen 1 kap. 5 §).
    Column.GROUNDS: {
        "ETHNICITY": (
            "etnisk", "hudfarge", "nasjonal opprinnelse", "avstamning", "hudfärg", "nationellt ursprung",
            "skin colour", "skin color", "national origin", "race",
        ),
        "RELIGION": ("tro", "religion og livssyn", "trosuppfattning", "belief"),
        "SEXUAL_ORIENTATION": ("legning", "seksuell legning", "läggning"),
        "DISABILITY": ("nedsatt funksjonsevne", "funksjonshemming", "funktionshinder", "handikap"),
        "GENDER_IDENTITY": ("transperson", "trans"),
        "SEX": ("kjønn", "kön", "gender"),
    },
}  # fmt: skip

# Leave a value empty (the mapping's "-"): the cell is not imported, the row is.
EMPTY = "-"


@dataclass(frozen=True)
class Choice:
    code: str
    label: str


@dataclass
class Vocabulary:
    """What each named column's cells may say: folded name -> code, and the choices in the
    reader's language (for the mapping form)."""

    names: dict[Column, dict[str, str]] = field(default_factory=dict)
    choices: dict[Column, list[Choice]] = field(default_factory=dict)
    # Grounds: code -> the term versions of that code, latest first.
    ground_terms: dict[str, list[Term]] = field(default_factory=dict)
    categories: dict[str, ReportingCategory] = field(default_factory=dict)

    def resolve(self, column: Column, value: str) -> str | None:
        """The code a cell's text names, or None when it names nothing known."""
        return self.names.get(column, {}).get(fold(value))

    def label(self, column: Column, code: str) -> str:
        for choice in self.choices.get(column, []):
            if choice.code == code:
                return choice.label
        return code

    def codes(self, column: Column) -> set[str]:
        return {choice.code for choice in self.choices.get(column, [])}

    def _add(self, column: Column, code: str, names: Iterable[str]) -> None:
        table = self.names.setdefault(column, {})
        for name in names:
            key = fold(name)
            if key:
                table.setdefault(key, code)  # the first value to claim a name keeps it


def _labels(label: str | Promise) -> list[str]:
    names = []
    for language in LANGUAGES:
        with translation.override(language):
            names.append(str(label))
    return names


def _add_choices(vocabulary: Vocabulary, column: Column, choices: type[models.TextChoices]) -> None:
    for value, label in zip(choices.values, choices.labels, strict=True):
        vocabulary._add(column, value, [value, *_labels(label)])
    for value, words in SYNONYMS.get(column, {}).items():
        vocabulary._add(column, str(value), words)
    vocabulary.choices[column] = [
        Choice(str(value), str(label)) for value, label in zip(choices.values, choices.labels, strict=True)
    ]


def for_office(office: Office) -> Vocabulary:
    """The office's vocabulary; choices are labelled in the active language."""
    vocabulary = Vocabulary()
    categories = list(
        ReportingCategory.objects.filter(office=office)
        .prefetch_related("areas")  # read once here, not once per imported row
        .order_by("-is_active", "sort_order")
    )
    for category in categories:
        vocabulary.categories[category.code] = category
        names = [category.code, category.label_nb, category.label_sv, category.label_en]
        vocabulary._add(Column.AREA, category.code, names)
    vocabulary.choices[Column.AREA] = [
        Choice(category.code, category.label) for category in categories if category.is_active
    ]
    terms = Term.objects.filter(jurisdiction=office.jurisdiction, kind=TermKind.GROUND).order_by(
        "sort_order", "code", "-valid_from"
    )
    for term in terms:
        vocabulary.ground_terms.setdefault(term.code, []).append(term)
    for code, versions in vocabulary.ground_terms.items():
        latest = versions[0]
        vocabulary._add(Column.GROUNDS, code, [code, latest.label_nb, latest.label_sv, latest.label_en])
    for code, words in SYNONYMS[Column.GROUNDS].items():
        if code in vocabulary.ground_terms:
            vocabulary._add(Column.GROUNDS, code, words)
    vocabulary.choices[Column.GROUNDS] = [
        Choice(code, versions[0].label) for code, versions in vocabulary.ground_terms.items()
    ]
    _add_choices(vocabulary, Column.CHANNEL, Channel)
    _add_choices(vocabulary, Column.MEDIATION_AREA, PlaceKind)
    _add_choices(vocabulary, Column.MEDIATION_RESULT, BenchOutcome)
    _add_choices(vocabulary, Column.OUTCOME, Outcome)
    return vocabulary
