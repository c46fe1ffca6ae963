"""Writing the blind index: the keyed hashes of a case's words, per office.

Words of a case's searchable text (narrative, notes, party names, task titles, file names,
identifiers from other systems that apps register, such as an imported sheet's number) are
normalised and stemmed (likeverd.core.blind_index) and stored only as keyed 64-bit hashes
(HMAC-SHA256 with a key derived from LIKEVERD_DATA_KEY and the office), so the database never
holds the words. Names are also indexed by their prefixes.
"""

from collections.abc import Iterable

from likeverd.accounts.models import Office
from likeverd.cases import registry
from likeverd.cases.models import Case, SearchToken
from likeverd.core import blind_index
from likeverd.core.crypto import keyed_hash


def stems(office: Office, text: str) -> set[str]:
    """The stems of the words of `text`, as the office's language inflects them."""
    return blind_index.stems(text, jurisdiction=office.jurisdiction)


def name_terms(office: Office, name: str) -> set[str]:
    """A name's words, their stems and their prefixes, so "Ami" and "Aminas" find "Amina"."""
    return blind_index.name_terms(name, jurisdiction=office.jurisdiction)


def identifier_terms(office: Office, identifier: str) -> set[str]:
    """An identifier from another system (an imported sheet's case number): its exact term, so it
    is found as typed, and the stems of its words, so a part of it ("017" of "2019-017") is too."""
    exact = blind_index.identifier_term(identifier)
    return stems(office, identifier) | ({exact} if exact else set())


def _scope(office: Office) -> str:
    return f"search:{office.public_id}"


def hashes_for(office: Office, terms: Iterable[str]) -> set[int]:
    scope = _scope(office)
    return {keyed_hash(term, scope=scope) for term in terms}


def case_search_terms(case: Case) -> set[str]:
    office = case.office
    terms = stems(office, case.narrative)
    for party in case.parties.all():
        if not party.is_anonymous:
            terms |= name_terms(office, party.name)
        terms |= stems(office, party.notes)
    for event in case.events.all():
        terms |= stems(office, event.body)
    for task in case.tasks.all():
        terms |= stems(office, task.title)
    for document in case.documents.all():
        terms |= stems(office, document.filename)
    for identifier in registry.search_identifiers(case):
        terms |= identifier_terms(office, identifier)
    return terms


def _tokens(case: Case, tokens: set[int]) -> list[SearchToken]:
    return [
        SearchToken(office_id=case.office_id, case_id=case.pk, token=t, received_at=case.received_at)
        for t in tokens
    ]


def reindex_case(case: Case) -> int:
    """Replace the case's tokens with those of its current text; returns the token count."""
    tokens = hashes_for(case.office, case_search_terms(case))
    SearchToken.objects.filter(case=case).delete()
    SearchToken.objects.bulk_create(_tokens(case, tokens), batch_size=2000)
    return len(tokens)


def index_terms(case: Case, terms: set[str]) -> None:
    """Add terms to the case's index entries (those it has already are kept)."""
    SearchToken.objects.bulk_create(
        _tokens(case, hashes_for(case.office, terms)), ignore_conflicts=True, batch_size=2000
    )


def index_text(case: Case, text: str, *, is_name: bool = False) -> None:
    """Add the words of newly written text to the index (a note, a new party)."""
    index_terms(case, name_terms(case.office, text) if is_name else stems(case.office, text))


def index_identifier(case: Case, identifier: str) -> None:
    """Add an identifier from another system to the case's index entries (see identifier_terms)."""
    index_terms(case, identifier_terms(case.office, identifier))


def move_in_date_order(case: Case) -> None:
    """Keep the index's copy of the received date in step with the case's (see SearchToken)."""
    SearchToken.objects.filter(case=case).update(received_at=case.received_at)
