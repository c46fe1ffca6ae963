"""The input shape of the knowledge screens: the search, and an article's text in one language."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from likeverd.core.forms import BaseForm
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.core.templatetags.language_names import language_name
from likeverd.knowledge.models import Sector, Topic
from likeverd.knowledge.services import MAX_BODY_LENGTH, ArticleDetails

ANY = [("", _("Any"))]


def language_choices() -> list[tuple[str, str]]:
    """The site's languages by name in the interface's language (nb, sv, en first)."""
    return [(code, language_name(code).capitalize()) for code in PUBLIC_LANGUAGES]


class ArticleSearchForm(BaseForm):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), required=False, choices=ANY + list(Sector.choices))
    topic = forms.ChoiceField(label=_("Topic"), required=False, choices=ANY + list(Topic.choices))

    def filters(self) -> dict[str, str]:
        data = self.cleaned_data
        return {"text": data.get("q", ""), "sector": data.get("sector", ""), "topic": data.get("topic", "")}


class ArticleForm(BaseForm):
    language = forms.ChoiceField(label=_("Language of this text"))
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences, shown in lists and search results."),
    )
    body = forms.CharField(
        label=_("Text"),
        max_length=MAX_BODY_LENGTH,
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_(
            "Plain text. A line starting with ## is a heading, with - a list, with 1. a numbered list; "
            "**words** are bold; [words](https://...) is a link. Nothing else is formatted."
        ),
    )
    sector = forms.ChoiceField(
        label=_("Sector"), required=False, choices=[("", _("Every sector")), *Sector.choices]
    )
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    is_public = forms.BooleanField(
        label=_("Show on the public site"),
        required=False,
        help_text=_("Otherwise only your office's staff can read it."),
    )
    seen_revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0, initial=0)

    def __init__(self, *args: Any, fixed_language: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = language_choices()  # type: ignore[attr-defined]
        if fixed_language is not None:
            # Editing one language version: the language is the one being edited.
            self.fields["language"].initial = fixed_language
            self.fields["language"].disabled = True
        for name in ("title", "summary", "body"):
            language = fixed_language or (self.data.get("language") if self.is_bound else None)
            if language:
                self.fields[name].widget.attrs["lang"] = language

    def to_details(self) -> ArticleDetails:
        data = self.cleaned_data
        return ArticleDetails(
            language=data["language"],
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            sector=data["sector"],
            topic=data["topic"],
            is_public=data["is_public"],
        )
