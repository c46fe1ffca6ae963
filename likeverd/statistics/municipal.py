"""Cases per municipality, in the three columns of the Dutch municipal registration model.

An office that serves several municipalities reports to each of them. The Dutch model (the
registration of the municipal anti-discrimination services) counts, for a municipality M, every
case that touches M, in three columns:

- residents of M about an incident in M ("own municipality");
- residents of M about an incident in another municipality ("elsewhere");
- people living elsewhere about an incident in M ("non-residents").

Likeverd reads the two municipalities on each case (`residence_municipality` and
`incident_municipality`, free text as staff typed them). Names are compared after normalising
Unicode, case and spacing ("  nordre   FOLLO " is "Nordre Follo"). A case that touches M but
whose other municipality is not recorded fits none of the three columns: it is counted in a
fourth column, "other municipality not known", rather than guessed into one (a resident of M
whose incident place is unknown is not known to be about "elsewhere"). A case with neither
municipality touches no row. So, for every municipality served, the four columns partition
exactly the cases with M as residence or incident municipality; the fifth column is their sum.

Rows: one per municipality served by the chosen offices (`Office.municipalities`), in
alphabetical order; an office that serves one municipality gives one row. A case about one
served municipality from a resident of another served municipality counts in both rows (in the
"elsewhere" column of one and the "non-residents" column of the other), so each column adds up
over the rows, and the total row counts case-municipality pairs, not cases.

One GROUP BY query over (residence, incident) as stored; the few distinct pairs are folded into
rows here, where normalising is the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence

from django.db.models import Count
from django.utils.translation import gettext as _

from likeverd.accounts.models import Office
from likeverd.statistics.selectors.cases import cases_in
from likeverd.statistics.tables import Row, Table

TABLE_ID = "cases_by_municipality"

OWN, ELSEWHERE, NON_RESIDENT, NOT_KNOWN = range(4)


def municipality_key(name: str) -> str:
    """The name as compared: Unicode-normalised, case-folded, with single inner spaces."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def column_for(municipality: str, *, residence: str, incident: str) -> int | None:
    """Which column a case with these (normalised) municipalities counts in for `municipality`,
    or None when the case does not touch it."""
    lives_here = residence == municipality
    happened_here = incident == municipality
    if lives_here and happened_here:
        return OWN
    if lives_here:
        return ELSEWHERE if incident else NOT_KNOWN
    if happened_here:
        return NON_RESIDENT if residence else NOT_KNOWN
    return None


def served_municipalities(offices: Sequence[Office]) -> dict[str, str]:
    """Normalised name -> the name as the first office that serves it spells it."""
    served: dict[str, str] = {}
    for office in offices:
        for name in office.municipalities or []:
            key = municipality_key(str(name))
            if key:
                served.setdefault(key, " ".join(str(name).split()))
    return dict(sorted(served.items()))


def municipal_table(*, offices: Sequence[Office], start: dt.date, end: dt.date) -> Table:
    served = served_municipalities(offices)
    counts = {key: [0, 0, 0, 0] for key in served}
    pairs = (
        cases_in(offices, start, end)
        .order_by()
        .values_list("residence_municipality", "incident_municipality")
        .annotate(cases=Count("id"))
    )
    for residence_name, incident_name, cases in pairs:
        residence, incident = municipality_key(residence_name), municipality_key(incident_name)
        for key in {residence, incident} & counts.keys():
            column = column_for(key, residence=residence, incident=incident)
            if column is not None:
                counts[key][column] += cases
    rows = tuple(
        Row(label=served[key], values=(*values, sum(values)), key=key) for key, values in counts.items()
    )
    column_sums = tuple(sum(row.values[index] or 0 for row in rows) for index in range(5))
    return Table(
        id=TABLE_ID,
        title=_("Cases by municipality"),
        columns=(
            _("Residents, incident in their own municipality"),
            _("Residents, incident elsewhere"),
            _("Non-residents, incident in the municipality"),
            _("Other municipality not known"),
            _("Total"),
        ),
        rows=rows,
        total=Row(label=_("Total"), values=column_sums, key="total"),
        additive=True,
        row_totals=True,
        note=_(
            "A case counts for the municipality where the person lives and the one where it "
            "happened; a case between two municipalities served counts in both rows."
        ),
    )
