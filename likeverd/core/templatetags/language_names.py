"""Languages by name in the reader's language: {{ "ar"|language_name }} is "arabisk" in
Norwegian, "arabiska" in Swedish and "Arabic" in English. Names come from the Unicode CLDR
through Babel, so every code a person may give has a name without a translation of our own."""

import functools

from babel import Locale, UnknownLocaleError
from django import template
from django.conf import settings
from django.utils.translation import get_language, to_locale

register = template.Library()

# ISO 639-3 codes that CLDR files under another tag: Dari is Persian as written in Afghanistan.
_CLDR_TAG = {"prs": "fa_AF"}


@register.filter
def language_name(code: str | None) -> str:
    """The name of the language `code` (ISO 639 / BCP 47) in the active interface language;
    a code CLDR does not know is shown as it is."""
    if not code:
        return ""
    return name_of_language(code, in_language=get_language() or settings.LANGUAGE_CODE)


@functools.lru_cache(maxsize=1024)
def name_of_language(code: str, *, in_language: str) -> str:
    try:
        locale = Locale.parse(to_locale(in_language))
    except (ValueError, UnknownLocaleError):
        return code
    tag = _CLDR_TAG.get(code.lower(), code.replace("-", "_"))
    names = locale.languages
    return names.get(tag) or names.get(tag.split("_")[0].lower()) or code
