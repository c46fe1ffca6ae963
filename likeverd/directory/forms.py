"""The input shape of the directory screens: the search, and an office's own services and organizations.
Forms parse what was typed into plain values; the services decide what is allowed.
"""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import Jurisdiction, Office
from likeverd.core.forms import BaseForm, LocalDateField
from likeverd.directory.models import Need, Organization, Service, ServiceStatus
from likeverd.directory.selectors import list_needs, list_organizations_for_office
from likeverd.directory.services import OrganizationDetails, ServiceDetails

# Languages a service may be offered in: the staff languages and the public site's languages.
LANGUAGES = [
    ("nb", _("Norwegian")),
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("ur", _("Urdu")),
    ("ti", _("Tigrinya")),
]
ANY = [("", _("Any"))]


class NeedChoiceField(forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.label)


class DirectorySearchForm(BaseForm):
    q = forms.CharField(label=_("Words"), required=False, max_length=200)
    need = forms.ChoiceField(label=_("Need"), required=False)
    municipality = forms.CharField(
        label=_("Municipality"),
        required=False,
        max_length=120,
        help_text=_("Services there and those for the whole country."),
        widget=forms.TextInput(attrs={"list": "directory-places", "autocomplete": "off"}),
    )
    language = forms.ChoiceField(label=_("Language"), required=False, choices=ANY + LANGUAGES)
    country = forms.ChoiceField(label=_("Country"), required=False, choices=ANY + list(Jurisdiction.choices))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["need"].choices = ANY + [(need.code, need.label) for need in list_needs()]  # type: ignore[attr-defined]

    def filters(self) -> dict[str, str]:
        data = self.cleaned_data
        return {
            "text": data.get("q", ""),
            "need": data.get("need", ""),
            "municipality": data.get("municipality", ""),
            "language": data.get("language", ""),
            "country": data.get("country", ""),
        }


class ServiceForm(BaseForm):
    organization = forms.ModelChoiceField(label=_("Organization"), queryset=Organization.objects.none())
    name = forms.CharField(label=_("Name"), max_length=250)
    description = forms.CharField(label=_("What they do"), widget=forms.Textarea(attrs={"rows": 4}))
    needs = NeedChoiceField(
        label=_("Needs it helps with"),
        queryset=Need.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    is_urgent = forms.BooleanField(
        label=_("Urgent help"),
        required=False,
        help_text=_("Police, emergency numbers, crisis lines: shown first."),
    )
    status = forms.ChoiceField(label=_("Status"), choices=ServiceStatus.choices, initial=ServiceStatus.ACTIVE)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    opening_hours = forms.CharField(label=_("Opening hours"), required=False, max_length=300)
    municipalities = forms.CharField(
        label=_("Municipalities"),
        required=False,
        max_length=500,
        help_text=_("Separate with commas. Empty: the whole country."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"), choices=LANGUAGES, required=False, widget=forms.CheckboxSelectMultiple
    )
    url = forms.URLField(label=_("Web page"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("E-mail"), required=False)
    application_process = forms.CharField(
        label=_("How to get help"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    eligibility_description = forms.CharField(
        label=_("Who can get help"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    fees_description = forms.CharField(label=_("Fees"), required=False, max_length=300)
    alert = forms.CharField(label=_("Notice"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    last_checked = LocalDateField(
        label=_("Facts last checked"),
        required=False,
        help_text=_("The day someone last checked these facts."),
    )

    def __init__(self, *args: Any, office: Office, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = list_organizations_for_office(office=office)  # type: ignore[attr-defined]
        self.fields["needs"].queryset = list_needs()  # type: ignore[attr-defined]

    @staticmethod
    def initial_for(service: Service) -> dict[str, Any]:
        phone = next(iter(service.phones.all()), None)
        schedule = next(iter(service.schedules.all()), None)
        return {
            "organization": service.organization,
            "name": service.name,
            "description": service.description,
            "needs": list(service.needs.all()),
            "is_urgent": service.is_urgent,
            "status": service.status,
            "phone": phone.number if phone else "",
            "opening_hours": schedule.description if schedule else "",
            "municipalities": ", ".join(
                area.name for area in service.service_areas.all() if area.kind != "country"
            ),
            "languages": [language.code for language in service.languages.all()],
            "url": service.url,
            "email": service.email,
            "application_process": service.application_process,
            "eligibility_description": service.eligibility_description,
            "fees_description": service.fees_description,
            "alert": service.alert,
            "last_checked": service.last_checked,
        }

    def details(self) -> ServiceDetails:
        data = self.cleaned_data
        return ServiceDetails(
            organization=data["organization"],
            name=data["name"].strip(),
            description=data["description"].strip(),
            needs=list(data["needs"]),
            is_urgent=data["is_urgent"],
            status=data["status"],
            phone=data["phone"],
            opening_hours=data["opening_hours"],
            municipalities=[place.strip() for place in data["municipalities"].split(",") if place.strip()],
            languages=list(data["languages"]),
            url=data["url"],
            email=data["email"],
            application_process=data["application_process"].strip(),
            eligibility_description=data["eligibility_description"].strip(),
            fees_description=data["fees_description"].strip(),
            alert=data["alert"].strip(),
            last_checked=data["last_checked"],
        )


class OrganizationForm(BaseForm):
    name = forms.CharField(label=_("Name"), max_length=250)
    description = forms.CharField(label=_("What they do"), widget=forms.Textarea(attrs={"rows": 3}))
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("E-mail"), required=False)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)

    def details(self) -> OrganizationDetails:
        data = self.cleaned_data
        return OrganizationDetails(
            name=data["name"],
            description=data["description"],
            website=data["website"],
            email=data["email"],
            phone=data["phone"],
        )
