"""The words a narrative is filled in with: neighbourhoods, the client's wishes, months and seasons."""

PLACES_NO = (
    "Grønland",
    "Tøyen",
    "Furuset",
    "Holmlia",
    "Stovner",
    "Grünerløkka",
    "Majorstuen",
    "Romsås",
    "Bislett",
    "Mortensrud",
    "Sentrum",
    "Haugerud",
)
PLACES_SE = (
    "Rosengård",
    "Möllevången",
    "Värnhem",
    "Hyllie",
    "Lindängen",
    "Centrum",
    "Holma",
    "Kroksbäck",
)
PLACES_LUND = ("Norra Fäladen", "Klostergården", "Lund C")

WISH_CLAUSES_NB = {
    "advice": "Klienten ønsker råd om hva som kan gjøres.",
    "complaint": "Klienten vil ha hjelp til å klage.",
    "mediation": "Klienten er åpen for et møte med motparten.",
    "report_only": "Klienten vil bare at det skal være registrert.",
}
WISH_CLAUSES_SV = {
    "advice": "Klienten vill ha råd om vad som kan göras.",
    "complaint": "Klienten vill ha hjälp att anmäla.",
    "mediation": "Klienten är öppen för ett möte med motparten.",
    "report_only": "Klienten vill bara att det ska vara registrerat.",
}
MONTHS_NB = (
    "januar",
    "februar",
    "mars",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "desember",
)
MONTHS_SV = (
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
)
# Season words by the month an incident happened in (index 0 = January).
SEASONS_NB = ("vinteren",) * 2 + ("våren",) * 3 + ("sommeren",) * 3 + ("høsten",) * 3 + ("vinteren",)
SEASONS_SV = ("vintern",) * 2 + ("våren",) * 3 + ("sommaren",) * 3 + ("hösten",) * 3 + ("vintern",)
