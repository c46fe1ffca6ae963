"""Tables made by hand, shaped like the 2019 model report's, for the charts and exports."""

from likeverd.setup.demo.texts import MONTHS_NB
from likeverd.statistics.tables import Row, Table
from tests.model_report_2019 import AREAS_2019


def categories(*, suppress: bool = False) -> Table:
    rows = tuple(
        Row(label=label, values=(None if suppress and count < 5 else count,), key=f"c{number}")
        for number, (label, count) in enumerate(AREAS_2019)
    )
    return Table(
        id="cases_by_category",
        title="Saker etter samfunnsområde",
        columns=("Saker",),
        rows=rows,
        total=Row(label="I alt", values=(60,), key="total"),
        suppressed=suppress,
    )


def months(*, hidden: tuple[int, ...] = ()) -> Table:
    return Table(
        id="cases_by_month",
        title="Saker per måned",
        columns=("Saker",),
        chart="line",
        rows=tuple(
            Row(label=name, values=(None if index in hidden else 3 + index % 4,), key=f"2019-{index + 1:02d}")
            for index, name in enumerate(MONTHS_NB)
        ),
        suppressed=bool(hidden),
    )


def mediation_outcomes() -> Table:
    return Table(
        id="mediation_outcomes",
        title="Meglingsbenken: resultat",
        columns=("Megling holdt", "Løst før møtet", "I alt"),
        rows=(
            Row("Arbeidsplass", (1, 1, 2), key="work"),
            Row("Varer/tjenester", (1, 2, 3), key="goods"),
            Row("Internett", (0, 1, 1), key="internet"),
        ),
        row_totals=True,
    )


def income() -> Table:
    return Table(
        id="income",
        title="Inntekter",
        columns=("Bevilget", "Mottatt"),
        rows=(Row("Oslo kommune", (500_000, 500_000)), Row("Stiftelsen Dam", (250_000, 125_000))),
        total=Row("Sum", (750_000, 625_000)),
        chart="none",
        unit="NOK",
    )


def all_tables() -> list[Table]:
    return [categories(suppress=True), months(hidden=(3,)), mediation_outcomes(), income()]
