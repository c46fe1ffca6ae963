"""`likeverd deadlines`: every deadline that runs for an incident, as JSON.

The same code as the case page (likeverd.triage.deadlines), for advisers' quick checks and
scripts. Bad input ends with one line on stderr and exit status 1.
"""

import datetime as dt
import json
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from likeverd.cases.dates import parse_incident_date
from likeverd.core import clock
from likeverd.triage.datafile import LANGUAGES, TriageDataError
from likeverd.triage.deadlines import deadline_as_dict, deadlines_for
from likeverd.triage.rules import known_codes, load_rules

TRACKS = ("civil", "criminal")


def _day(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(
            _("%(option)s must be a date written YYYY-MM-DD, not %(value)r.")
            % {"option": option, "value": value}
        ) from None


class Command(BaseCommand):
    # Pure arithmetic on the data files: no database, so no system checks to wait for.
    requires_system_checks: list[str] = []
    help = (
        "Print, as JSON, every deadline that runs for an incident (rule, body, end date, citation, status)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        # Values are checked in handle(), so that bad input gives one clear line, not a usage dump.
        parser.add_argument("--jurisdiction", help="NO or SE.")
        parser.add_argument(
            "--incident-date", help='As the person said it: "14.03.2025", "mars 2025", "våren 2025", "2025".'
        )
        parser.add_argument("--birth-date", help="YYYY-MM-DD; needed for rules that protect minors.")
        parser.add_argument(
            "--area", help="An area code of the jurisdiction's taxonomy, e.g. GOODS_SERVICES."
        )
        parser.add_argument("--form", help="A form code of the jurisdiction's taxonomy, e.g. HARASSMENT.")
        parser.add_argument("--track", help="civil or criminal.")
        parser.add_argument("--today", help="YYYY-MM-DD; the day to count days left from (default: today).")
        parser.add_argument("--language", help="nb, sv or en for the texts (default: the site language).")

    def handle(self, *args: Any, **options: Any) -> None:
        language = options["language"] or translation.get_language() or "en"
        if language not in LANGUAGES:
            raise CommandError(_("--language must be one of nb, sv, en."))
        with translation.override(language):
            self.stdout.write(json.dumps(self._result(options, language), ensure_ascii=False, indent=2))

    def _result(self, options: dict[str, Any], language: str) -> dict[str, Any]:
        try:
            rule_sets = load_rules()
        except TriageDataError as error:
            raise CommandError(str(error)) from error
        jurisdiction = (options["jurisdiction"] or "").strip().upper()
        if jurisdiction not in rule_sets:
            raise CommandError(
                _("--jurisdiction must be one of %(choices)s.") % {"choices": ", ".join(sorted(rule_sets))}
            )
        today = _day(options["today"], "--today") or clock.today()
        birth_date = _day(options["birth_date"], "--birth-date")
        if birth_date is not None and birth_date > today:
            raise CommandError(_("--birth-date cannot be after today."))
        text = (options["incident_date"] or "").strip()
        if not text:
            raise CommandError(_("--incident-date is required, e.g. 14.03.2025 or mars 2025."))
        try:
            incident = parse_incident_date(text, today=today)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        known = known_codes(jurisdiction)
        area = (options["area"] or "").strip().upper()
        if area and area not in known.areas:
            raise CommandError(
                _("Unknown area %(code)s for %(jurisdiction)s; known: %(known)s.")
                % {"code": area, "jurisdiction": jurisdiction, "known": ", ".join(sorted(known.areas))}
            )
        form = (options["form"] or "").strip().upper()
        if form and form not in known.forms:
            raise CommandError(
                _("Unknown form %(code)s for %(jurisdiction)s; known: %(known)s.")
                % {"code": form, "jurisdiction": jurisdiction, "known": ", ".join(sorted(known.forms))}
            )
        track = (options["track"] or "").strip().lower()
        if track and track not in TRACKS:
            raise CommandError(_("--track must be civil or criminal."))

        found = deadlines_for(
            jurisdiction=jurisdiction,
            incident=incident,
            today=today,
            birth_date=birth_date,
            areas=[area] if area else [],
            forms=[form] if form else [],
            tracks=[track.upper()] if track else [],
            rule_set=rule_sets[jurisdiction],
        )
        counting = rule_sets[jurisdiction].counting
        return {
            "jurisdiction": jurisdiction,
            "today": today.isoformat(),
            "incident": {
                "text": incident.text,
                "from": incident.date_from.isoformat() if incident.date_from else None,
                "to": incident.date_to.isoformat() if incident.date_to else None,
                "precision": str(incident.precision),
            },
            "birth_date": birth_date.isoformat() if birth_date else None,
            "counting": {
                "method": counting.method,
                "law": counting.citation.law,
                "section": counting.citation.section,
                "status": counting.citation.status,
            },
            "deadlines": [deadline_as_dict(d, language=language) for d in found if not d.has_expired],
            "expired": [d.rule.id for d in found if d.has_expired],
        }
