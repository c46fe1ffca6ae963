"""Parts the case forms share: the languages offered, and choice fields that show people,
parties, categories and terms by name."""

from collections.abc import Iterator
from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import User

# The languages offices most often meet; the code is what is stored (Party.language).
LANGUAGES = [
    ("", _("Not asked")),
    ("nb", _("Norwegian")),
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("ti", _("Tigrinya")),
    ("fa", _("Persian")),
    ("prs", _("Dari")),
    ("ps", _("Pashto")),
    ("ku", _("Kurdish")),
    ("ur", _("Urdu")),
    ("pa", _("Punjabi")),
    ("tr", _("Turkish")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("ru", _("Russian")),
    ("ro", _("Romanian")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("se", _("Northern Sami")),
    ("rom", _("Romani")),
    ("other", _("Another language")),
]


def person_label(user: User) -> str:
    return user.get_full_name() or user.get_username()


class _RowsIterator(ModelChoiceIterator):  # type: ignore[type-arg]
    """The choices from the field's `rows` when given (people read once for the whole page),
    rather than a new query each time the field is drawn."""

    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        rows = getattr(self.field, "rows", None)
        if rows is None:
            yield from super().__iter__()
            return
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in rows:
            yield self.choice(obj)

    def __len__(self) -> int:
        rows = getattr(self.field, "rows", None)
        if rows is None:
            return super().__len__()
        return len(rows) + (1 if self.field.empty_label is not None else 0)


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    iterator = _RowsIterator

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows: list[User] | None = None

    def set_people(self, people: list[User]) -> None:
        """Offer `people` (read already); a submitted choice is checked against the same people."""
        self.rows = people
        self.queryset = User.objects.filter(pk__in=[person.pk for person in people])

    def label_from_instance(self, obj: Any) -> str:
        return person_label(obj)


class PartyChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.display_name} ({obj.get_role_display()})"


class CategoryChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class TermChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)
