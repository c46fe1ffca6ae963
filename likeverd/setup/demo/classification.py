"""How a demo case is classified: grounds, areas, forms and tracks that fit its story."""

import random

from likeverd.cases.services import Classification
from likeverd.setup.demo import texts
from likeverd.setup.demo.context import OfficeContext
from likeverd.setup.demo.planning import HARASSMENT_THEMES, TRACK_WORDS, CasePlan, O, S
from likeverd.taxonomy.models import ReportingCategory, Term, TermKind


def _category_for(context: OfficeContext, theme: texts.Theme) -> ReportingCategory | None:
    for category in context.categories:
        haystack = f"{category.code} {category.label_en}".lower()
        if any(word in haystack for word in theme.category_words):
            return category
    return None


def _terms_by_words(context: OfficeContext, kind: str, words: tuple[str, ...]) -> list[Term]:
    return [term for (k, code), term in context.terms.items() if k == kind and any(w in code for w in words)][
        :1
    ]


# The hate theme's stories (texts.THEMES, in order): hateful messages online; pushed while
# shouted at (an assault with a bias motive, and the words); hateful graffiti on the door
# (criminal damage with a bias motive).
HATE_STORY_FORMS = (
    ("HATE_SPEECH",),
    ("BIAS_MOTIVATED_OFFENCE", "HATE_SPEECH"),
    ("BIAS_MOTIVATED_OFFENCE",),
)


def _criminal_forms(plan: CasePlan) -> tuple[str, ...]:
    stories = plan.theme.narratives_nb + plan.theme.narratives_sv
    for index, story in enumerate(stories):
        if story.split("{")[0][:50] in plan.narrative:
            return HATE_STORY_FORMS[index % len(plan.theme.narratives_nb)]
    return ("HATE_SPEECH",)


def classification_for(rng: random.Random, context: OfficeContext, plan: CasePlan) -> Classification:
    grounds = [
        context.terms[(TermKind.GROUND, c)]
        for c in plan.profile.codes
        if (TermKind.GROUND, c) in context.terms
    ]
    category = _category_for(context, plan.theme)
    areas = list(category.areas.all()) if category is not None else []
    form_words = ("HARASS",) if plan.theme.key in HARASSMENT_THEMES else ("DIRECT",)
    if plan.theme.key in {"welfare", "health"} and rng.random() < 0.3:
        form_words = ("INDIRECT",)
    forms = [
        t for (k, code), t in context.terms.items() if k == TermKind.FORM and code.startswith(form_words)
    ][:1]
    tracks_by_outcome: dict[str, str] = {
        O.POLICE_REPORT_FILED: "criminal",
        O.COMPLAINT_FILED: "complaint",
        O.MEDIATED: "mediation",
    }
    track = tracks_by_outcome.get(plan.outcome, "mediation" if plan.target == S.MEDIATION else "")
    if plan.theme.key == "hate" and not track:
        track = "criminal"
    tracks = _terms_by_words(context, TermKind.TRACK, TRACK_WORDS[track]) if track else []
    if plan.theme.key == "hate" and track == "criminal":
        # A police report says which offence it is about; the ODIHR table counts only the
        # bias-motivated ordinary offences (statistics/data/odihr.toml), not the hateful words.
        forms = [context.terms[(TermKind.FORM, code)] for code in _criminal_forms(plan)]
    return Classification(
        grounds=grounds, areas=areas, forms=forms, tracks=tracks, reporting_category=category
    )
