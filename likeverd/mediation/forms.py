"""The bench's forms: each small, one per action; the services check everything again."""

import datetime as dt
from typing import Any

from django import forms
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import Membership, User
from likeverd.accounts.roles import Role
from likeverd.accounts.viewer import Viewer, scope_to_office
from likeverd.cases.models import Outcome
from likeverd.core.forms import BLANK, BaseForm, LocalDateField, LocalDateTimeField, long_text_validator
from likeverd.mediation.models import BenchKind, BenchOutcome, ConsentManner, PlaceKind, Side


def _text(label: Any, *, required: bool = False, rows: int = 3, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
        validators=[long_text_validator()],
    )


class MediatorChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: User) -> str:
        return obj.get_full_name() or obj.username


def office_mediators(viewer: Viewer) -> Any:
    memberships = scope_to_office(Membership.objects.all(), viewer).filter(is_active=True, role=Role.MEDIATOR)
    return User.objects.filter(pk__in=memberships.values("user_id"), is_active=True).order_by(
        "first_name", "username"
    )


class ReferForm(BaseForm):
    prefix = "refer"
    kind = forms.ChoiceField(label=_("Kind of conflict"), choices=BenchKind.choices)
    reasons = _text(_("Your reasons for sending the case to the bench"), rows=4)
    routes_told_on = LocalDateField(
        label=_("The person was told of the legal routes and their deadlines on"), required=False
    )
    facts_waiver = _text(
        _("Why the sorting conversation or assessment is not needed (only if it is not)"),
        help_text=_("Leave empty when the sorting conversation and the assessment are complete."),
    )
    mediator = MediatorChoice(label=_("Mediator"), queryset=User.objects.none(), required=False)

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["mediator"]
        field.queryset = office_mediators(viewer)


class CounterpartForm(BaseForm):
    prefix = "counterpart"
    name = forms.CharField(label=_("Counterpart"), required=False, max_length=200)
    contact = _text(_("Counterpart's contact details"), rows=2)
    representative = _text(_("Counterpart's representative"), rows=2)
    interpreter_needs = _text(_("Interpreter needs (language, for whom)"), rows=2)


class ConsentForm(BaseForm):
    prefix = "consent"
    side = forms.ChoiceField(label=_("Party"), choices=Side.choices)
    given_on = LocalDateField(label=_("Consent given on"))
    manner = forms.ChoiceField(label=_("How it was given"), choices=ConsentManner.choices)


class WithdrawForm(BaseForm):
    prefix = "withdraw"
    side = forms.ChoiceField(label=_("Party who withdraws"), choices=Side.choices)
    withdrawn_on = LocalDateField(label=_("Withdrawn on"), required=False)


class TalkForm(BaseForm):
    prefix = "talk"
    side = forms.ChoiceField(label=_("Talk with"), choices=Side.choices)
    held_on = LocalDateField(label=_("Held on"))
    note = _text(_("Note (mediators only)"), rows=4)


class NoteForm(BaseForm):
    prefix = "note"
    body = _text(_("Note (mediators only)"), required=True, rows=4)


class MeetingForm(BaseForm):
    prefix = "meeting"
    starts_at = LocalDateTimeField(label=_("Starts"))
    ends_at = LocalDateTimeField(label=_("Ends"))
    place_kind = forms.ChoiceField(label=_("Place"), choices=PlaceKind.choices)
    place = forms.CharField(label=_("Address or room"), required=False, max_length=300)
    premises_of = forms.ChoiceField(
        label=_("Whose premises (only for one party's premises)"),
        choices=BLANK + list(Side.choices),
        required=False,
    )
    other_party_agreed_on = LocalDateField(label=_("The other party agreed to the place on"), required=False)
    neutrality_note = _text(_("Why the meeting stays neutral there"), rows=2)
    participants = _text(_("Participants"), rows=2)
    interpreter = forms.CharField(label=_("Interpreter (language, name)"), required=False, max_length=200)
    invitees = _text(
        _("Send calendar invitations to"),
        rows=3,
        help_text=_("E-mail addresses, one per line. Each gets their own."),
    )


OUTCOME_CHOICES = [(code, label) for code, label in BenchOutcome.choices if code != BenchOutcome.WITHDRAWN]


class OutcomeForm(BaseForm):
    prefix = "outcome"
    outcome = forms.ChoiceField(label=_("Outcome"), choices=OUTCOME_CHOICES)
    follow_up_on = LocalDateField(
        label=_("Follow up on"), required=False, help_text=_("The day to check that the agreement holds.")
    )


class FollowUpForm(BaseForm):
    prefix = "follow"
    holds = forms.TypedChoiceField(
        label=_("Does the agreement hold?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )


class AgreementForm(BaseForm):
    prefix = "agreement"
    text = _text(_("The agreement"), required=True, rows=16)


class SignedForm(BaseForm):
    prefix = "signed"
    file = forms.FileField(label=_("Signed copy (PDF or photo)"))


class CloseForm(BaseForm):
    prefix = "close"
    outcome = forms.ChoiceField(label=_("The case's outcome"), choices=Outcome.choices)


class _SeenVersion(BaseForm):
    """A form for the adviser's changes to a referral: it carries the referral's `updated_at`
    when it was opened, so that the service can refuse a stale form."""

    seen = forms.CharField(widget=forms.HiddenInput)

    def clean_seen(self) -> dt.datetime:
        try:
            value = parse_datetime(self.cleaned_data["seen"])
        except ValueError:  # well formed but impossible, such as 30 February
            value = None
        if value is None:
            raise forms.ValidationError(_("The form is out of date. Open it again."))
        return value


class ChangeMediatorForm(_SeenVersion):
    prefix = "mediator"
    mediator = MediatorChoice(
        label=_("Mediator"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("No one yet: the office's mediators may take it"),
    )

    def __init__(self, *args: Any, viewer: Viewer, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["mediator"]
        field.queryset = office_mediators(viewer)


class AdviserWithdrawForm(WithdrawForm, _SeenVersion):
    """A party's withdrawal as the adviser records it, from the case page."""
