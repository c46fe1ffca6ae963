"""The knowledge-base articles the assessment links to: for each evidence checklist that applies
to the case (and the case's kind of place), the method support written for that sector or topic,
e.g. "How to secure evidence of online hate" beside the online-hate checklist."""

from likeverd.accounts.models import Office
from likeverd.knowledge.models import Sector, Topic
from likeverd.knowledge.selectors import ArticleView, articles_for_any
from likeverd.triage.checklists import Evidence

# (sector, topic) per checklist code of data/evidence.toml and per kind of place on the case.
CHECKLIST_ARTICLES: dict[str, tuple[str, str]] = {
    "ONLINE_HATE": ("", Topic.ONLINE_HATE),
    "NIGHTCLUB_REFUSAL": (Sector.NIGHTLIFE, ""),
    "WORKING_LIFE": (Sector.EMPLOYER, ""),
    "HOUSING": (Sector.HOUSING, ""),
    "PUBLIC_DECISION": (Sector.MUNICIPALITY, ""),
    "SCHOOL": (Sector.SCHOOL, ""),
    "CRIME": ("", Topic.POLICE_REPORT),
}
PLACE_ARTICLES: dict[str, tuple[str, str]] = {
    "health": (Sector.HEALTH, ""),
    "police": (Sector.POLICE, ""),
    "online": ("", Topic.ONLINE_HATE),
    "nightlife": (Sector.NIGHTLIFE, ""),
    "school": (Sector.SCHOOL, ""),
    "workplace": (Sector.EMPLOYER, ""),
}
MAX_ARTICLES = 6


def articles_for_case(
    *, office: Office, evidence: list[Evidence], place_kind: str, language: str
) -> list[ArticleView]:
    """The articles for the case's checklists and kind of place, each once, staff-only ones of the
    network and the office included, in the order the checklists come."""
    links: list[tuple[str, str]] = []
    for item in evidence:
        for code in item.checklists:
            if code in CHECKLIST_ARTICLES and CHECKLIST_ARTICLES[code] not in links:
                links.append(CHECKLIST_ARTICLES[code])
    if place_kind in PLACE_ARTICLES and PLACE_ARTICLES[place_kind] not in links:
        links.append(PLACE_ARTICLES[place_kind])
    return articles_for_any(
        links=links, language=language, public_only=False, office=office, limit=MAX_ARTICLES
    )
