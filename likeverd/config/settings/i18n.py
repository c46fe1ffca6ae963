"""Languages, formats and the time zone."""

import os

from django.utils.translation import gettext_lazy as _

from likeverd.config.settings.environment import BASE_DIR, LOCAL
from likeverd.core import languages

LANGUAGE_CODE = "nb"
# Every language of the public pages; staff screens speak only STAFF_LANGUAGES, and a staff
# screen asked for in another language answers in the person's staff language instead.
languages.register_language_info()
LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("ur", _("Urdu")),
    ("ti", _("Tigrinya")),
]
STAFF_LANGUAGES = list(languages.STAFF_LANGUAGES)
# The language a visitor chose is kept for later visits (the picker on every public page sets it).
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not LOCAL
LOCALE_PATHS = [BASE_DIR / "locale"]
# Day first and the 24-hour clock in every interface language (English included); see likeverd/formats.
FORMAT_MODULE_PATH = ["likeverd.formats"]
TIME_ZONE = os.environ.get("LIKEVERD_TIME_ZONE", "Europe/Oslo")
USE_I18N = True
USE_TZ = True
