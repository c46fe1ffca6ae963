"""Yes and no as offices write them: ja/nei (nb), ja/nej (sv), yes/no, x, 1/0, true/false."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from likeverd.setup.imports.text import fold

YES = frozenset({"ja", "j", "yes", "y", "x", "1", "true", "sant", "sann"})
NO = frozenset({"nei", "nej", "n", "no", "0", "false", "usant", "falsk", "falskt"})
# Marks that fold to nothing (a tick, a dash): a tick is yes, a dash is no.
_TICKS = frozenset({"✓", "✔", "☑", "✅"})
_DASHES = frozenset({"-", "–", "—"})


def parse_yes_no(value: object) -> bool | None:
    """True, False, or None for an empty cell; a ValidationError for anything else."""
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if value in (0, 1):
            return bool(value)
        raise _invalid(f"{value:g}")
    text = str(value).strip()
    if not text:
        return None
    if text in _TICKS:
        return True
    if text in _DASHES:
        return False
    folded = fold(text)
    if folded in YES:
        return True
    if folded in NO:
        return False
    raise _invalid(text)


def _invalid(text: str) -> ValidationError:
    return ValidationError(
        _("“%(value)s” is neither yes nor no. Write ja, nei, nej, yes, no, x, 1 or 0."),
        params={"value": text},
        code="invalid_yes_no",
    )
