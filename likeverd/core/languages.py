"""Which languages Likeverd speaks, and where.

Staff screens are in Norwegian bokmål, Swedish and English. The public pages (likeverd.intake)
also speak the languages of the people the offices serve. Django knows most of them by name;
Somali and Tigrinya are added here so that a language picker can show each in its own script.
"""

from django.conf import locale

STAFF_LANGUAGES: tuple[str, ...] = ("nb", "sv", "en")
PUBLIC_ONLY_LANGUAGES: tuple[str, ...] = ("ar", "so", "pl", "uk", "ur", "ti")
PUBLIC_LANGUAGES: tuple[str, ...] = STAFF_LANGUAGES + PUBLIC_ONLY_LANGUAGES

_EXTRA_LANGUAGE_INFO = {
    "so": {"bidi": False, "code": "so", "name": "Somali", "name_local": "Soomaali"},
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
}


def register_language_info() -> None:
    """Teach Django the names of the languages its own table lacks (idempotent)."""
    for code, info in _EXTRA_LANGUAGE_INFO.items():
        locale.LANG_INFO.setdefault(code, info)


def best_staff_language(candidates: "list[str] | tuple[str, ...]", default: str) -> str:
    """The first of `candidates` (language codes, best first) that staff screens speak."""
    for candidate in candidates:
        code = candidate.strip().lower()
        if code in STAFF_LANGUAGES:
            return code
        base = code.split("-")[0]
        if base in {"no", "nn", "nb"}:
            return "nb"
        if base in STAFF_LANGUAGES:
            return base
    return default
