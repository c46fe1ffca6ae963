from typing import Any
from urllib.parse import urlencode

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

from likeverd.core.languages import PUBLIC_LANGUAGES

register = template.Library()


@register.simple_tag(takes_context=True)
def public_languages(context: dict[str, Any]) -> list[dict[str, Any]]:
    """The language picker: each language in its own name, linking to this page in that language.

    Each link passes through `intake:choose-language` in its language, which keeps the choice.
    """
    request = context["request"]
    current = translation.get_language()
    here = request.get_full_path()
    links = []
    for code in PUBLIC_LANGUAGES:
        info = translation.get_language_info(code)
        # translate_url resolves `here` in the current language, so it runs before switching.
        target = translate_url(here, code)
        with translation.override(code):
            url = reverse("intake:choose-language") + "?" + urlencode({"next": target})
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "is_current": code == current,
                "bidi": info["bidi"],
            }
        )
    return links


@register.simple_tag
def quick_exit_url() -> str:
    return str(settings.QUICK_EXIT_URL)


@register.filter
def language_name(code: str) -> str:
    """A language's own name ("العربيّة" for ar), or the code for a language Django does not know."""
    try:
        return str(translation.get_language_info(code)["name_local"])
    except KeyError:
        return code
