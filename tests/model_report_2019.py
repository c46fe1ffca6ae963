"""DiMe's 2019 annual report (seeds/001), the model the statistics and the import are held to:
its figures, for the tests of both to build their tables and sheets from."""

# 3.2.1: 60 cases by area of society, in the report's order.
AREAS_2019 = (
    ("Arbeidsliv", 5),
    ("Bolig og nabokonflikter", 15),
    ("Uteliv", 5),
    ("NAV", 2),
    ("Trakassering/dårlig oppførsel", 6),
    ("Helse", 2),
    ("Skole/utdanning", 4),
    ("Barnevern", 1),
    ("Varer og tjenester", 1),
    ("Etnisk profilering", 2),
    ("Fritid", 3),
    ("Hatkriminalitet", 8),
    ("Annet", 6),
)
