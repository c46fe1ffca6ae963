"""Ground profiles: the grounds a person names together (mostly ethnicity, skin colour, religion
and national origin, often with gender, as in DiMe's 2019 annual report)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class GroundProfile:
    """A combination of grounds as a person describes it, and who it usually concerns."""

    key: str
    codes: tuple[str, ...]
    weight: int
    gender: str  # "f", "m", or "" for anyone
    clause_nb: str
    clause_sv: str


GROUND_PROFILES: tuple[GroundProfile, ...] = (
    GroundProfile(
        "ethnicity",
        ("ETHNICITY",),
        30,
        "",
        "Klienten mener det skjedde på grunn av hudfargen og bakgrunnen sin.",
        "Klienten tror att det berodde på hudfärgen och ursprunget.",
    ),
    GroundProfile(
        "national_origin",
        ("ETHNICITY",),
        12,
        "",
        "Klienten tror det handler om nasjonal opprinnelse og aksenten.",
        "Klienten tror att det handlar om nationellt ursprung och brytningen.",
    ),
    GroundProfile(
        "religion",
        ("RELIGION",),
        12,
        "",
        "Klienten mener det handler om at klienten er muslim.",
        "Klienten menar att det handlar om att klienten är muslim.",
    ),
    GroundProfile(
        "disability",
        ("DISABILITY",),
        4,
        "",
        "Klienten har en funksjonsnedsettelse og mener det ble brukt mot klienten.",
        "Klienten har en funktionsnedsättning och menar att den användes mot klienten.",
    ),
    GroundProfile(
        "sex",
        ("SEX",),
        3,
        "f",
        "Klienten mener hun ble behandlet dårligere fordi hun er kvinne.",
        "Klienten menar att hon behandlades sämre för att hon är kvinna.",
    ),
    GroundProfile(
        "age",
        ("AGE",),
        2,
        "",
        "Klienten mener alderen var avgjørende.",
        "Klienten menar att åldern var avgörande.",
    ),
    GroundProfile(
        "sexual_orientation",
        ("SEXUAL_ORIENTATION",),
        3,
        "m",
        "Klienten er homofil og mener det var grunnen.",
        "Klienten är homosexuell och menar att det var skälet.",
    ),
    GroundProfile(
        "ethnicity_religion_sex",
        ("ETHNICITY", "RELIGION", "SEX"),
        10,
        "f",
        "Klienten bruker hijab og mener det rammet henne som muslimsk kvinne med minoritetsbakgrunn.",
        "Klienten bär hijab och menar att det drabbade henne som muslimsk kvinna med minoritetsbakgrund.",
    ),
    GroundProfile(
        "ethnicity_sexual_orientation",
        ("ETHNICITY", "SEXUAL_ORIENTATION"),
        6,
        "m",
        "Klienten er homofil med minoritetsbakgrunn og opplever at begge deler ble brukt mot ham.",
        "Klienten är homosexuell med minoritetsbakgrund och upplever att båda delarna användes mot honom.",
    ),
    GroundProfile(
        "ethnicity_sex",
        ("ETHNICITY", "SEX"),
        8,
        "m",
        "Klienten er en ung mann med minoritetsbakgrunn og mener at nettopp det var grunnen.",
        "Klienten är en ung man med minoritetsbakgrund och menar att just det var skälet.",
    ),
    GroundProfile(
        "ethnicity_age",
        ("ETHNICITY", "AGE"),
        2,
        "",
        "Klienten tror både alder og bakgrunn spilte inn.",
        "Klienten tror att både ålder och ursprung spelade in.",
    ),
    GroundProfile(
        "ethnicity_disability",
        ("ETHNICITY", "DISABILITY"),
        2,
        "",
        "Klienten mener både funksjonsnedsettelsen og bakgrunnen spilte inn.",
        "Klienten menar att både funktionsnedsättningen och ursprunget spelade in.",
    ),
    GroundProfile(
        "religion_sex",
        ("RELIGION", "SEX"),
        2,
        "f",
        "Klienten mener det handler om at hun er en kvinne som bærer hodeplagg.",
        "Klienten menar att det handlar om att hon är en kvinna som bär slöja.",
    ),
)
