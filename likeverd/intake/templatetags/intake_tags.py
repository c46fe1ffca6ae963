from collections.abc import Iterable
from typing import Any
from urllib.parse import unquote, urlencode, urlsplit, urlunsplit

from django import template
from django.conf import settings
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
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
    targets = _translated(request.get_full_path(), PUBLIC_LANGUAGES)
    links = []
    for code in PUBLIC_LANGUAGES:
        info = translation.get_language_info(code)
        target = targets[code]
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


def _translated(url: str, codes: Iterable[str]) -> dict[str, str]:
    """Django's `translate_url(url, code)` for each code, with `url` resolved once (in the
    current language) instead of once per language: the picker is on every public page."""
    parts = urlsplit(url)
    try:
        match = resolve(unquote(parts.path))
    except Resolver404:
        return dict.fromkeys(codes, url)
    name = f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name
    translated = {}
    for code in codes:
        with translation.override(code):
            try:
                path = reverse(name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                translated[code] = url
            else:
                translated[code] = urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))
    return translated


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
