"""Parts the case forms share: the languages offered, and choice fields that show people,
parties, categories and terms by name."""

from typing import Any

from django import forms
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


class PersonChoiceField(forms.ModelChoiceField):  # type: ignore[type-arg]
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
