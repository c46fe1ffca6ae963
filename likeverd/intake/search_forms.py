"""Input shapes of the public help directory and knowledge base: GET forms that work without
JavaScript, with the public pages' own words for needs, sectors and topics (translated in the
intake catalogues, so every public language has them)."""

from collections.abc import Sequence
from dataclasses import dataclass

from django import forms
from django.http import QueryDict
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import Jurisdiction
from likeverd.core.languages import PUBLIC_LANGUAGES
from likeverd.intake.forms import COUNTRY_GROUPS
from likeverd.knowledge.models import Sector, Topic

# The directory's needs (likeverd/directory/data/needs.toml) in the public pages' words.
NEED_LABELS: dict[str, Promise] = {
    "urgent_help": _("Urgent help"),
    "discrimination": _("Discrimination"),
    "hate_crime": _("Hate crime and hateful speech"),
    "legal_aid": _("Free legal help"),
    "mediation": _("Mediation"),
    "employment": _("Work"),
    "school": _("School and kindergarten"),
    "housing": _("Housing"),
    "welfare_office": _("Welfare office and public services"),
    "health": _("Health"),
    "residence_permit": _("Residence permit and asylum"),
    "no_papers": _("No papers"),
    "violence_at_home": _("Violence at home"),
    "forced_marriage": _("Forced marriage"),
    "trafficking": _("Trafficking"),
    "children": _("Children and young people"),
}
SECTOR_LABELS: dict[str, Promise] = {
    Sector.MUNICIPALITY: _("Municipality"),
    Sector.SCHOOL: _("School"),
    Sector.HEALTH: _("Health and care"),
    Sector.POLICE: _("Police"),
    Sector.EMPLOYER: _("Work"),
    Sector.HOUSING: _("Housing"),
    Sector.NIGHTLIFE: _("Bars and nightclubs"),
}
TOPIC_LABELS: dict[str, Promise] = {
    Topic.EVIDENCE: _("Securing evidence"),
    Topic.ONLINE_HATE: _("Hate online"),
    Topic.COMPLAINTS: _("Complaints and deadlines"),
    Topic.POLICE_REPORT: _("Reporting to the police"),
    Topic.PREVENTION: _("Preventing discrimination"),
    Topic.NATIONAL_MINORITIES: _("National minorities"),
}
ANYWHERE = ""
# "NO:" is the whole of Norway; "NO:Bergen" a place there.
WHOLE_COUNTRY = {Jurisdiction.NORWAY.value: _("All of Norway"), Jurisdiction.SWEDEN.value: _("All of Sweden")}


@dataclass(frozen=True)
class Place:
    country: str
    name: str


class HelpSearchForm(forms.Form):
    need = forms.ChoiceField(label=_("What do you need help with?"), required=False)
    place = forms.ChoiceField(label=_("Where?"), required=False)
    language = forms.ChoiceField(label=_("In which language?"), required=False)

    def __init__(
        self,
        data: QueryDict | None,
        *,
        needs: Sequence[str],
        places: Sequence[Place],
        language_names: dict[str, str],
    ) -> None:
        super().__init__(data)
        need_choices: list[tuple[str, object]] = [("", _("Any kind of help"))]
        need_choices += [(code, NEED_LABELS.get(code, code)) for code in needs]
        self.fields["need"].choices = need_choices  # type: ignore[attr-defined]
        place_choices: list[tuple[object, object]] = [(ANYWHERE, _("Anywhere"))]
        for country, label in COUNTRY_GROUPS.items():
            group: list[tuple[str, object]] = [(f"{country}:", WHOLE_COUNTRY[country])]
            group += [(f"{p.country}:{p.name}", p.name) for p in places if p.country == country]
            place_choices.append((label, group))
        self.fields["place"].choices = place_choices  # type: ignore[attr-defined]
        language_choices: list[tuple[str, object]] = [("", _("Any language"))]
        language_choices += [(code, language_names.get(code, code)) for code in PUBLIC_LANGUAGES]
        self.fields["language"].choices = language_choices  # type: ignore[attr-defined]

    def filters(self) -> dict[str, str]:
        """need, municipality, country and language for directory.selectors.search_services."""
        data = self.cleaned_data
        country, _sep, municipality = (data.get("place") or "").partition(":")
        return {
            "need": data.get("need", ""),
            "municipality": municipality,
            "country": country,
            "language": data.get("language", ""),
        }


class KnowledgeSearchForm(forms.Form):
    q = forms.CharField(label=_("Search for words"), required=False, max_length=200)
    sector = forms.ChoiceField(
        label=_("Where did it happen?"),
        required=False,
        choices=[("", _("Anywhere")), *SECTOR_LABELS.items()],
    )
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, choices=[("", _("Every topic")), *TOPIC_LABELS.items()]
    )
