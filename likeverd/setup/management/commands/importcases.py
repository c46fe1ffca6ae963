"""`likeverd importcases FILE --office CODE [--dry-run] [--mapping FILE] [--language nb|sv|en]`:
import earlier registrations from a CSV or XLSX file (likeverd.setup.imports).

Prints every problem (row, column, value, what is wrong) and a summary; exit code 0 when the
file was imported (or, with --dry-run, could be), 1 otherwise.
"""

from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import translation
from django.utils.translation import gettext as _

from likeverd.accounts.models import Office
from likeverd.setup.imports import vocabulary as vocabularies
from likeverd.setup.imports.mapping import ValueMapping, read_mapping_file
from likeverd.setup.imports.reading import SheetError, read_sheet
from likeverd.setup.imports.selectors import Plan, plan_import
from likeverd.setup.imports.services import ImportRefusedError, run_import

LANGUAGE_OF = {"NO": "nb", "SE": "sv"}


class Command(BaseCommand):
    help = "Import earlier registrations (one row per case) from a CSV or XLSX file into an office."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="The spreadsheet: CSV (; , or tab) or XLSX.")
        parser.add_argument("--office", required=True, help="The office's code, e.g. OSL.")
        parser.add_argument("--dry-run", action="store_true", help="List every problem; import nothing.")
        parser.add_argument("--mapping", help="A TOML or CSV file saying what unrecognised values are.")
        parser.add_argument(
            "--language",
            choices=["nb", "sv", "en"],
            help="The language of the messages (default: the office's).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        office = Office.objects.filter(code=options["office"].upper()).first()
        if office is None:
            raise CommandError(f"There is no office with the code {options['office']!r}.")
        with translation.override(options["language"] or LANGUAGE_OF.get(office.jurisdiction, "en")):
            self._import(office, Path(options["file"]), options)

    def _import(self, office: Office, path: Path, options: dict[str, Any]) -> None:
        data = _read(path)
        try:
            sheet = read_sheet(data)
        except SheetError as error:
            raise CommandError(f"{path.name}: {' '.join(error.messages)}") from None
        vocabulary = vocabularies.for_office(office)
        mapping: ValueMapping = {}
        if options["mapping"]:
            mapping_path = Path(options["mapping"])
            try:
                mapping = read_mapping_file(
                    _read(mapping_path), name=mapping_path.name, vocabulary=vocabulary
                )
            except ValidationError as error:
                raise CommandError("\n".join([f"{mapping_path.name}:", *error.messages])) from None
        if options["dry_run"]:
            plan = plan_import(office=office, sheet=sheet, vocabulary=vocabulary, mapping=mapping)
            self._report(plan, imported=0)
            if not plan.can_import:
                raise CommandError(_("The file has problems: nothing would be imported."))
            self.stdout.write(_("Dry run: nothing was imported."))
            return
        try:
            result = run_import(
                office=office, sheet=sheet, mapping=mapping, file_name=path.name, started_by=None
            )
        except ImportRefusedError as refused:
            self._report(refused.plan, imported=0)
            raise CommandError(" ".join(refused.messages)) from None
        self._report(result.plan, imported=len(result.plan.new))

    def _report(self, plan: Plan, *, imported: int) -> None:
        write = self.stdout.write
        for name in plan.not_read:
            write(_("Column not read: %(column)s") % {"column": name})
        for problem in plan.problems:
            where = _("row %(row)s") % {"row": problem.row} if problem.row else _("the file")
            value = f" “{problem.value}”" if problem.value else ""
            write(f"{where}, {problem.column}{value}: {problem.message}")
        for changed in plan.changed:
            differences = "; ".join(f"{d.column}: {d.before} → {d.after}" for d in changed.differences)
            write(
                _("row %(row)s, %(number)s: changed since it was imported, not updated (%(differences)s)")
                % {"row": changed.row, "number": changed.sheet_number, "differences": differences}
            )
        for entry in plan.unrecognised:
            write(
                _("Not recognised in %(column)s: “%(value)s” (rows %(rows)s)")
                % {"column": entry.header, "value": entry.value, "rows": ", ".join(map(str, entry.rows))}
            )
        write(
            _(
                "Rows read: %(read)s, imported: %(imported)s, already present: %(present)s, "
                "changed and not updated: %(changed)s, problems: %(problems)s"
            )
            % {
                "read": plan.rows_read,
                "imported": imported,
                "present": plan.present,
                "changed": len(plan.changed),
                "problems": len(plan.problems),
            }
        )


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise CommandError(f"{path}: {error.strerror}") from None
