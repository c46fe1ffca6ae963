"""Invented texts for the demo cases, one module a topic: themes (an area of society with its
places, counterparts and narrative templates in Norwegian and Swedish), ground profiles, the words
narratives are filled in with, what advisers write on a case, and documents.

Weights follow DiMe's 2019 annual report (areas of society; grounds mostly ethnicity, skin
colour, religion and national origin, often together with gender). Every name of a business
or institution here is made up. The names are gathered here, so `texts.THEMES` reads as before.
"""

from likeverd.setup.demo.texts.casework import (
    CALLS_NB,
    CALLS_SV,
    CHANNEL_NOTES_NB,
    CHANNEL_NOTES_SV,
    MEDIATION_NOTES_NB,
    MEDIATION_NOTES_SV,
    NOTES_NB,
    NOTES_SV,
    TASKS_NB,
    TASKS_SV,
)
from likeverd.setup.demo.texts.documents import DOCUMENTS_NB, DOCUMENTS_SV
from likeverd.setup.demo.texts.grounds import GROUND_PROFILES, GroundProfile
from likeverd.setup.demo.texts.narratives import (
    MONTHS_NB,
    MONTHS_SV,
    PLACES_LUND,
    PLACES_NO,
    PLACES_SE,
    SEASONS_NB,
    SEASONS_SV,
    WISH_CLAUSES_NB,
    WISH_CLAUSES_SV,
)
from likeverd.setup.demo.texts.theme import Theme
from likeverd.setup.demo.texts.themes import THEMES

__all__ = [
    "CALLS_NB",
    "CALLS_SV",
    "CHANNEL_NOTES_NB",
    "CHANNEL_NOTES_SV",
    "DOCUMENTS_NB",
    "DOCUMENTS_SV",
    "GROUND_PROFILES",
    "MEDIATION_NOTES_NB",
    "MEDIATION_NOTES_SV",
    "MONTHS_NB",
    "MONTHS_SV",
    "NOTES_NB",
    "NOTES_SV",
    "PLACES_LUND",
    "PLACES_NO",
    "PLACES_SE",
    "SEASONS_NB",
    "SEASONS_SV",
    "TASKS_NB",
    "TASKS_SV",
    "THEMES",
    "WISH_CLAUSES_NB",
    "WISH_CLAUSES_SV",
    "GroundProfile",
    "Theme",
]
