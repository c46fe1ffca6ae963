"""Documents uploaded to demo cases: short plain-text files."""

DOCUMENTS_NB = (
    (
        "notat-fra-samtale.txt",
        "Notat fra samtale med klienten. Klienten forklarte hendelsen og hvem som var til "
        "stede. Vitner: to venner. Videre: vurdere klage.",
    ),
    (
        "e-post-fra-motpart.txt",
        "Hei. Vi har mottatt henvendelsen og vil gå gjennom saken internt. Vennlig hilsen",
    ),
    (
        "tidslinje.txt",
        "Tidslinje satt opp sammen med klienten: første hendelse, ny hendelse, kontakt med oss.",
    ),
)
DOCUMENTS_SV = (
    (
        "anteckning-samtal.txt",
        "Anteckning från samtal med klienten. Klienten beskrev händelsen och vilka som var "
        "där. Vittnen: två vänner. Nästa steg: bedöma anmälan.",
    ),
    (
        "e-post-fran-motpart.txt",
        "Hej. Vi har tagit emot ert brev och går igenom ärendet internt. Vänliga hälsningar",
    ),
    (
        "tidslinje.txt",
        "Tidslinje upprättad tillsammans med klienten: första händelsen, ny händelse, kontakt med oss.",
    ),
)
