"""The directory's reads from its TOML data files, over the common strict reader
(`likeverd.core.datafiles`): keys, countries and opening times.
"""

import datetime as dt
import re

from likeverd.core.datafiles import DataEntry
from likeverd.directory.records import DirectoryDataError

COUNTRIES = {"NO": "Norge", "SE": "Sverige"}
# The directory links people to services: only addresses a browser opens without a warning.
HTTPS = ("https://",)
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,59}$")


class Entry(DataEntry):
    """One table of a directory file: keys, countries and opening times besides the common reads."""

    error = DirectoryDataError

    def key(self) -> str:
        value = self.text("key")
        if not _KEY.match(value):
            raise self.fail(f"key {value!r} must be lower-case letters, digits and hyphens")
        return value

    def country(self, name: str = "country") -> str:
        value = self.text(name)
        if value not in COUNTRIES:
            raise self.fail(f"{name} {value!r} is not one of {', '.join(COUNTRIES)}")
        return value

    def time(self, name: str) -> dt.time | None:
        value = self.table.get(name)
        if value is None:
            return None
        if not isinstance(value, dt.time):
            raise self.fail(f"{name} must be a TOML time such as 09:00:00")
        return value
