"""Input shapes of the public site: the guide's and the start page's GET forms, the report form,
and the office admin's page-text screen."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from babel import Locale as BabelLocale
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import MaxLengthValidator
from django.http import QueryDict
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import Jurisdiction
from likeverd.cases.dates import IncidentDate, parse_incident_date
from likeverd.cases.models import CounterpartKind, Wish
from likeverd.core import clock
from likeverd.intake.guide import ELSEWHERE, UNKNOWN, Choice, WhatHappened
from likeverd.intake.models import ReporterKind
from likeverd.intake.selectors import Municipality
from likeverd.intake.services import MAX_TEXT_LENGTH, ReportInput
from likeverd.taxonomy.models import Term

OTHER_MUNICIPALITY = "-"
# The public pages' own words for the countries (accounts' names are translated for staff only).
COUNTRY_GROUPS = {Jurisdiction.NORWAY.value: _("In Norway"), Jurisdiction.SWEDEN.value: _("In Sweden")}


class MunicipalityForm(forms.Form):
    municipality = forms.ChoiceField(
        label=_("The municipality where you live, or where it happened"), required=False
    )

    def __init__(self, data: QueryDict | None, *, municipalities: Sequence[Municipality]) -> None:
        super().__init__(data)
        groups: dict[str, list[tuple[str, str]]] = {}
        for municipality in municipalities:
            groups.setdefault(municipality.jurisdiction, []).append((municipality.name, municipality.name))
        choices: list[tuple[object, object]] = [("", _("Choose a municipality"))]
        for jurisdiction, label in COUNTRY_GROUPS.items():
            if jurisdiction in groups:
                choices.append((label, groups[jurisdiction]))
        choices.append((OTHER_MUNICIPALITY, _("Another municipality")))
        self.fields["municipality"].choices = choices  # type: ignore[attr-defined]


WHAT_HAPPENED_CHOICES = [
    (WhatHappened.TREATED_WORSE.value, _("I was treated worse than others, or shut out")),
    (WhatHappened.HARASSED.value, _("I was insulted, harassed or mocked")),
    (WhatHappened.THREATENED.value, _("I was threatened or attacked, or I am in danger")),
    (WhatHappened.RULE.value, _("A rule or a practice shuts out people like me")),
    (WhatHappened.NOT_ADAPTED.value, _("I did not get the adaptation I need, for example for a disability")),
    (WhatHappened.PUNISHED.value, _("I was punished for complaining")),
    (WhatHappened.OTHER.value, _("Something else")),
]


@dataclass(frozen=True)
class GuideAnswers:
    """What the visitor has answered so far; each step's answer is None until it is valid."""

    what: WhatHappened | None
    where: str | None
    why: frozenset[str] | None
    submitted_step: int | None

    @property
    def step(self) -> int:
        """The step to show: the first without a valid answer, or 4 for the suggestion."""
        if self.what is None:
            return 1
        if self.where is None:
            return 2
        if self.why is None:
            return 3
        return 4

    @property
    def has_error(self) -> bool:
        return self.submitted_step == self.step

    @classmethod
    def from_query(cls, query: QueryDict, *, areas: Sequence[str], grounds: Sequence[str]) -> "GuideAnswers":
        what_raw = query.get("what", "")
        what = WhatHappened(what_raw) if what_raw in set(WhatHappened) else None
        where_raw = query.get("where", "")
        where = where_raw if where_raw in {*areas, ELSEWHERE} else None
        why_raw = [code for code in query.getlist("why") if code in {*grounds, UNKNOWN}]
        why = frozenset(why_raw) if why_raw else None
        step_raw = query.get("step", "")
        submitted = int(step_raw) if step_raw in {"1", "2", "3"} else None
        return cls(what=what, where=where, why=why, submitted_step=submitted)


class OfficePageTextForm(forms.Form):
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who you are and who can come to you, in a few sentences."),
    )
    offer = forms.CharField(
        label=_("What the office offers"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Advice, legal help, mediation, courses: what a person can get from you."),
    )
    opening_hours = forms.CharField(
        label=_("Opening hours"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("When you answer the phone and when people can drop in."),
    )
    directions = forms.CharField(
        label=_("How to find us"),
        required=False,
        max_length=MAX_TEXT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The way in, step-free access, the nearest stop."),
    )

    def __init__(self, *args: object, language: str, is_rtl: bool, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # The texts are written in the language being edited, whatever the screen's language.
        for field in self.fields.values():
            field.widget.attrs.update({"lang": language, "dir": "rtl" if is_rtl else "ltr"})


# --- the report form ----------------------------------------------------------------------------

# The public words for the case's codes: plainer than the staff labels, and translated into every
# language of the public pages (the staff labels are in nb, sv and en only).
COUNTERPART_CHOICES = [
    (CounterpartKind.PRIVATE_PERSON.value, _("A person I do not know, or a private person")),
    (CounterpartKind.EMPLOYER.value, _("An employer, a boss or a colleague")),
    (CounterpartKind.BUSINESS.value, _("A shop, a restaurant or another business")),
    (CounterpartKind.NIGHTLIFE.value, _("A bar, a club or its door staff")),
    (CounterpartKind.LANDLORD.value, _("A landlord or a housing association")),
    (CounterpartKind.SCHOOL.value, _("A school, a kindergarten or a teacher")),
    (CounterpartKind.PUBLIC_BODY.value, _("The municipality or another public office")),
    (CounterpartKind.WELFARE.value, _("The welfare office (NAV or Försäkringskassan)")),
    (CounterpartKind.HEALTH.value, _("A doctor, a hospital or another health service")),
    (CounterpartKind.POLICE.value, _("The police or a guard")),
    (CounterpartKind.OTHER.value, _("Someone else")),
]
WISH_CHOICES = [
    (Wish.ADVICE.value, _("Advice about what I can do")),
    (Wish.COMPLAINT.value, _("Help to complain or to report it to the police")),
    (Wish.MEDIATION.value, _("A meeting with the other side, with a mediator")),
    (Wish.REPORT_ONLY.value, _("Nothing more: I only want it to be known")),
]
CONTACT_ANONYMOUS = "anonymous"
CONTACT_REACH_ME = "reach_me"
# Languages people ask to be contacted in: Babel names them in the page's language.
CONTACT_LANGUAGES = (
    "nb", "sv", "en", "ar", "so", "ti", "fa", "ps", "ku",
    "ur", "pa", "tr", "pl", "uk", "ru", "ro", "es", "fr",
)  # fmt: skip
NARRATIVE_MAX_CHARS = 50_000


def _language_choices(language: str) -> list[tuple[str, str]]:
    names = BabelLocale.parse(language.replace("-", "_")).languages
    choices = [("", str(_("Choose a language")))]
    choices += [(code, (names.get(code) or code)) for code in CONTACT_LANGUAGES]
    choices.append(("other", str(_("Another language"))))
    return choices


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input (Django's documented pattern)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class ReportForm(forms.Form):
    """The public report: every answer optional except what happened and the consent.

    The template shows it in five short sections; without JavaScript they are one page, and
    report-steps.js turns them into steps. `website` is the honeypot: hidden by the stylesheet
    and from assistive technology, filled in only by robots (a filled one marks the report as
    suspected spam, it does not refuse it).
    """

    reporter_kind = forms.ChoiceField(
        label=_("Who is reporting?"),
        required=False,
        choices=ReporterKind.choices,
        widget=forms.RadioSelect,
    )
    narrative = forms.CharField(
        label=_("What happened?"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("In your own words and your own language. Write as much or as little as you like."),
        error_messages={"required": _("Tell us what happened, in a few words or many.")},
        validators=[
            MaxLengthValidator(
                NARRATIVE_MAX_CHARS,
                message=_("This text is too long: at most %(limit_value)d characters fit. Shorten it."),
            )
        ],
    )
    incident_date = forms.CharField(
        label=_("When did it happen?"),
        required=False,
        max_length=60,
        help_text=_("A date, or roughly: 14.03.2025, March 2025, spring 2025, yesterday, last week."),
    )
    incident_municipality = forms.CharField(
        label=_("In which municipality did it happen?"), required=False, max_length=80
    )
    residence_municipality = forms.CharField(
        label=_("In which municipality do you live?"), required=False, max_length=80
    )
    grounds = forms.MultipleChoiceField(
        label=_("Why do you think it happened?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("It happened because of … Choose all that fit: it is often more than one thing."),
    )
    counterpart_kind = forms.ChoiceField(
        label=_("Who did it?"),
        required=False,
        choices=COUNTERPART_CHOICES,
        widget=forms.RadioSelect,
    )
    evidence = MultipleFileField(
        label=_("Pictures, screenshots or documents"),
        required=False,
        help_text=_(
            "Optional. Photos (JPEG, PNG), screenshots and PDF files. Up to %(count)d files, "
            "%(size)s in all. Hidden information such as the place a photo was taken is removed."
        ),
    )
    wishes = forms.MultipleChoiceField(
        label=_("What help would you like?"),
        required=False,
        choices=WISH_CHOICES,
        widget=forms.CheckboxSelectMultiple,
    )
    contact = forms.ChoiceField(
        label=_("Do you want us to contact you?"),
        required=False,  # no answer: anonymous
        choices=[
            (CONTACT_ANONYMOUS, _("No, I want to stay anonymous")),
            (CONTACT_REACH_ME, _("Yes, contact me")),
        ],
        initial=CONTACT_ANONYMOUS,
        widget=forms.RadioSelect,
        help_text=_(
            "Anonymous: we do not ask for your name. You get a receipt code to read our answer "
            "and write to us."
        ),
    )
    name = forms.CharField(label=_("What should we call you?"), required=False, max_length=200)
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    safe_voicemail = forms.BooleanField(label=_("It is safe to leave a voice message"), required=False)
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"invalid": _("This does not look like an e-mail address.")},
    )
    best_time = forms.CharField(
        label=_("When is the best time to reach you?"),
        required=False,
        max_length=200,
        help_text=_("For example: weekdays after 16."),
    )
    language = forms.ChoiceField(label=_("Which language do you want to talk in?"), required=False)
    needs_interpreter = forms.BooleanField(label=_("I would like an interpreter"), required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree that the office stores what I write here, including what it says about my "
            "origin, religion, health, sexuality or other sensitive things, to help me and to "
            "count cases of discrimination. I can ask for it to be deleted."
        ),
        error_messages={"required": _("We can only take your report if you agree.")},
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    # The server checks every answer; the browser's own checks would stop a step-by-step form
    # on a field of a hidden step.
    use_required_attribute = False

    def __init__(
        self,
        *args: Any,
        grounds: Sequence[Choice],
        language: str,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        ground_field: Any = self.fields["grounds"]
        ground_field.choices = [(g.code, g.label[:1].upper() + g.label[1:]) for g in grounds] + [
            (UNKNOWN, _("I don't know, or something else"))
        ]
        language_field: Any = self.fields["language"]
        language_field.choices = _language_choices(language)
        language_field.initial = language if language in CONTACT_LANGUAGES else ""
        self.fields["evidence"].help_text = str(self.fields["evidence"].help_text) % {
            "count": settings.INTAKE_EVIDENCE_MAX_FILES,
            "size": filesizeformat(settings.INTAKE_EVIDENCE_MAX_BYTES),
        }
        self.fields["website"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        for name in ("incident_municipality", "residence_municipality"):
            self.fields[name].widget.attrs["list"] = "municipalities"
        self.fields["narrative"].widget.attrs["dir"] = "auto"

    def clean_incident_date(self) -> IncidentDate:
        return parse_incident_date(self.cleaned_data.get("incident_date", ""), today=clock.today())

    def clean_evidence(self) -> list["UploadedFile[bytes]"]:
        files: list[UploadedFile[bytes]] = list(self.cleaned_data.get("evidence") or [])
        if len(files) > settings.INTAKE_EVIDENCE_MAX_FILES:
            raise ValidationError(
                _("You can send at most %(count)d files with a report."),
                params={"count": settings.INTAKE_EVIDENCE_MAX_FILES},
            )
        if sum(f.size or 0 for f in files) > settings.INTAKE_EVIDENCE_MAX_BYTES:
            raise ValidationError(
                _("The files are too large together. The limit is %(size)s."),
                params={"size": filesizeformat(settings.INTAKE_EVIDENCE_MAX_BYTES)},
            )
        return files

    @property
    def is_anonymous(self) -> bool:
        return bool(self.cleaned_data.get("contact", CONTACT_ANONYMOUS) != CONTACT_REACH_ME)

    @property
    def is_suspected_spam(self) -> bool:
        return bool(str(self.cleaned_data.get("website", "")).strip())

    def to_report(self, *, terms: Sequence[Term], form_language: str) -> ReportInput:
        """The input of `submit_report`; `terms` are the office's grounds (to map the codes)."""
        data = self.cleaned_data
        chosen = set(data["grounds"])
        return ReportInput(
            narrative=data["narrative"],
            consent=data["consent"],
            form_language=form_language,
            reporter_kind=data["reporter_kind"],
            incident_date=data["incident_date"],
            incident_municipality=data["incident_municipality"].strip(),
            residence_municipality=data["residence_municipality"].strip(),
            grounds=[term for term in terms if term.code in chosen],
            counterpart_kind=data["counterpart_kind"],
            wishes=list(data["wishes"]),
            is_anonymous=self.is_anonymous,
            name=data["name"],
            phone=data["phone"],
            email=data["email"],
            safe_voicemail=data["safe_voicemail"],
            language=data["language"],
            needs_interpreter=data["needs_interpreter"],
            best_time=data["best_time"],
            suspected_spam=self.is_suspected_spam,
        )
