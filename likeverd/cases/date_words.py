"""The words of the incident-date grammar (likeverd/cases/dates.py) in Norwegian, Swedish and
English, without diacritics, as `dates._fold` leaves them: months, seasons, weekdays, small
numbers and the filler words that carry no date.
"""


def _names(table: dict[int, str]) -> dict[str, int]:
    return {name: number for number, names in table.items() for name in names.split()}


# Month names and abbreviations, without diacritics, as `_fold` leaves them.
MONTHS: dict[str, int] = _names(
    {
        1: "january jan januar januari",
        2: "february feb februar februari",
        3: "march mar mars",
        4: "april apr",
        5: "may mai maj",
        6: "june jun juni",
        7: "july jul juli",
        8: "august aug augusti",
        9: "september sep sept",
        10: "october oct oktober okt",
        11: "november nov",
        12: "december dec desember des",
    }
)

# Season -> (first month, last month); winter starts in December of the year before.
SEASONS: dict[str, tuple[int, int]] = {}
for span, names in {
    (3, 5): "spring var varen vara",
    (6, 8): "summer sommer sommeren sommar sommaren",
    (9, 11): "autumn fall host hosten",
    (12, 2): "winter vinter vinteren vintern",
}.items():
    for name in names.split():
        SEASONS[name] = span

# Swedish names a season just past with one word: "i somras" is the summer that has gone.
SEASONS_PAST = {"varas": "spring", "somras": "summer", "hostas": "autumn", "vintras": "winter"}

# Monday is 0, as in `datetime.date.weekday`.
WEEKDAYS: dict[str, int] = _names(
    {
        0: "monday mandag",
        1: "tuesday tirsdag tisdag",
        2: "wednesday onsdag",
        3: "thursday torsdag",
        4: "friday fredag",
        5: "saturday lordag laurdag",
        6: "sunday sondag",
    }
)
# Short day names, only skipped when they stand before a date ("fre. 14.11.2026").
WEEKDAY_ABBREVIATIONS = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"} | {
    "man", "tir", "tis", "ons", "tor", "fre", "lor", "son",
}  # fmt: skip

NUMBER_WORDS = _names(
    {
        1: "a an one en ei et ett",
        2: "two to tva",
        3: "three tre",
        4: "four fire fyra",
        5: "five fem",
        6: "six seks sex",
        7: "seven sju syv",
        8: "eight atte atta",
        9: "nine ni nio",
        10: "ten ti tio",
    }
)

FILLER = {"i", "in", "on", "the", "om", "pa", "på", "early", "late", "tidlig", "sent", "tidigt", "of", "den"}
