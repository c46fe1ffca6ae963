"""Importing earlier registrations: one spreadsheet row per case, from CSV or XLSX with Norwegian,
Swedish or English headers (issue 11, "Importing earlier registrations").

The pieces, lowest first:

- `text`: folding of headers and values (case, spaces, punctuation and diacritics do not count).
- `headers`: which column is which (`Column`), from the header row's names in nb, sv or en.
- `dates`, `yesno`: the cells people type: dates in the forms offices write and Excel's own,
  and yes/no in three languages.
- `reading`: bytes to a `Sheet` (CSV with its delimiter and encoding sniffed, or XLSX read
  with openpyxl in read-only mode).
- `vocabulary`: the office's names for areas, grounds, channels and outcomes in nb, sv and en.
- `mapping`: the user's answers for values the vocabulary does not know (a file or the screen).
- `planning.plan_import`: the dry run: every row resolved, every problem listed; writes nothing.
- `services.run_import`: the import itself, all rows of a file or none, as the system actor
  "the import of file X", through the services of cases and mediation.
- `forms`, `views`, `urls`: the office's screen at /<lang>/staff/office/import/.
"""
