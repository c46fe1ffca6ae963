"""Demo knowledge base: the network's articles from the data file, and one article of each demo
office's own, written (invented, in the office's language) by its coordinator."""

from likeverd.accounts.viewer import Viewer
from likeverd.knowledge.services import ArticleDetails, load_network_articles, write_article

OFFICE_ARTICLES = {
    "OSL": ArticleDetails(
        language="nb",
        title="Vår rutine: henvendelser på kafékveldene",
        summary="Slik tar vi imot og registrerer henvendelser når vi står på kafékveld eller stand.",
        body=(
            "## Før kvelden\n- Ta med visittkort og brosjyrer på flere språk.\n"
            "- Avtal hvem som tar notater.\n\n"
            "## Når noen forteller\n1. Lytt først, og si at de kan være anonyme.\n"
            "2. Spør om vi kan ringe dem opp dagen etter.\n"
            "3. Registrer henvendelsen med kanal «oppsøkende» samme kveld.\n\n"
            "Se også [artikkelen om bevis for hat på nett](/nb/staff/knowledge/)."
        ),
        topic="complaints",
        sector="municipality",
        is_public=False,
    ),
    "MAL": ArticleDetails(
        language="sv",
        title="Vår rutin: krogbesök med volontärer",
        summary="Hur våra volontärer förbereder och dokumenterar besök vid krogar och nattklubbar.",
        body=(
            "## Före besöket\n- Gå minst två och två.\n- Anteckna tid och plats.\n\n"
            "## Om någon nekas inträde\n1. Skriv ner vad dörrvakten sa, ordagrant.\n"
            "2. Notera vilka som släpptes in.\n3. Ge personen byråns kort."
        ),
        topic="evidence",
        sector="nightlife",
        is_public=False,
    ),
}


def load_demo_knowledge(*, coordinators: dict[str, Viewer]) -> None:
    """`coordinators`: office code to its demo coordinator, for the offices created in this run."""
    load_network_articles()
    for code, viewer in coordinators.items():
        if code in OFFICE_ARTICLES:
            write_article(viewer=viewer, details=OFFICE_ARTICLES[code])
