"""Date and time formats for this installation, by interface language (settings.FORMAT_MODULE_PATH).

Offices work in Norway and Sweden: dates are written day first (or ISO in Swedish) and times on
the 24-hour clock in every interface language, English included, and no language reads a typed
"03/04/2026" as the fourth of March. Formats not named here are Django's for the language."""
