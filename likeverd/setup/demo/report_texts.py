"""Demo texts of each office's annual report (introduction, reflections): last year's in the
office's own language and in English, the year before's in the office's language only (so the
English report of that year shows the fallback note)."""

import datetime as dt

from likeverd.accounts.viewer import Viewer
from likeverd.officeadmin.services import ReportTexts, save_report_texts

TEXTS = {
    "nb": (
        "Kontoret gir gratis juridisk rådgivning til dem som opplever diskriminering og rasisme, og "
        "megler mellom partene når saken egner seg for det.\n\nDette året registrerte vi sakene i "
        "Likeverd fra første dag, så tallene nedenfor er talt av systemet, ikke for hånd.",
        "Mange som kontakter oss, trenger først hjelp til å sortere problemene sine før det går an å "
        "se hva som handler om diskriminering.\n\nTallene er for små til å si noe sikkert om "
        "mørketallene, men de viser hvilke barrierer folk selv opplever.",
    ),
    "sv": (
        "Byrån ger kostnadsfri rådgivning till den som upplever diskriminering och medlar mellan "
        "parterna när ärendet lämpar sig för det.\n\nI år registrerade vi ärendena i Likeverd från "
        "första dagen, så siffrorna nedan är räknade av systemet, inte för hand.",
        "Många som kontaktar oss behöver först hjälp att reda ut sina problem innan det går att se "
        "vad som handlar om diskriminering.\n\nSiffrorna är för små för att säga något säkert om "
        "mörkertalen, men de visar vilka hinder människor själva upplever.",
    ),
    "en": (
        "The office gives free legal advice to people who experience discrimination and racism, and "
        "mediates between the parties when a case is fit for it.\n\nThis year every case was "
        "registered in Likeverd from the first day, so the figures below were counted by the "
        "system, not by hand.",
        "Many who contact us first need help to sort out their problems before one can see what is "
        "about discrimination.\n\nThe figures are too small to say anything certain about the "
        "hidden figures, but they show the barriers people themselves meet.",
    ),
}


def add_report_texts(coordinator: Viewer, language: str, today: dt.date) -> None:
    """Last year's texts in `language` and English; the year before's in `language` only."""
    for year, languages in ((today.year - 1, (language, "en")), (today.year - 2, (language,))):
        for code in languages:
            introduction, reflections = TEXTS[code]
            save_report_texts(
                viewer=coordinator,
                texts=ReportTexts(
                    year=year,
                    language=code,
                    introduction=introduction,
                    reflections=reflections,
                    opened_version=None,
                ),
            )
