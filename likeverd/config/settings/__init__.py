"""Settings, read only from environment variables (documented in README.md).

Production (LIKEVERD_LOCAL and LIKEVERD_DEBUG unset or false) refuses to start without its
secrets. A local installation (LIKEVERD_LOCAL=true: the demo, development) generates throwaway
secrets, kept in the data directory so that the demo's encrypted data stays readable across
restarts, serves plain HTTP on localhost and static files from the source tree. LIKEVERD_DEBUG=true
is a local installation that also shows Django's debug pages instead of the friendly error pages.

One module a topic; this package gathers them, so DJANGO_SETTINGS_MODULE stays
`likeverd.config.settings`.
"""

import django_stubs_ext

django_stubs_ext.monkeypatch()  # generic ModelAdmin[...] and friends at run time

# In this order, not sorted: a production start without its secrets is refused before any other
# setting is checked, and the other refusals keep the order they have always had.
# isort: off
from likeverd.config.settings.environment import *  # noqa: E402, F403
from likeverd.config.settings.security import *  # noqa: E402, F403
from likeverd.config.settings.application import *  # noqa: E402, F403
from likeverd.config.settings.database import *  # noqa: E402, F403
from likeverd.config.settings.accounts import *  # noqa: E402, F403
from likeverd.config.settings.i18n import *  # noqa: E402, F403
from likeverd.config.settings.files import *  # noqa: E402, F403
from likeverd.config.settings.limits import *  # noqa: E402, F403
from likeverd.config.settings.tasks import *  # noqa: E402, F403
from likeverd.config.settings.mail import *  # noqa: E402, F403
from likeverd.config.settings.logs import *  # noqa: E402, F403
# isort: on
