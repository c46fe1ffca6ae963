"""Search words out of addresses: what a person searched for is often a name, and an address
ends up in the proxy's request log, the browser's history and the Referer header. The case
list's form is posted; the search text is kept in the session under an opaque token, and the
list's address carries only that token (`?s=<token>`) beside the other filters (codes, dates
and staff ids, none of them personal data about a client). A token means nothing outside the
session that made it: a copied address shows the list without the search.
"""

import secrets

from django.http import HttpRequest, QueryDict

# Session key: token -> search text, oldest first.
SEARCHES = "likeverd_case_searches"
# The searches a session remembers (typing in the search box makes one per pause).
KEPT = 20
SEARCH_TEXT = "q"  # the form field
SEARCH_TOKEN = "s"  # noqa: S105 (a query parameter's name, not a secret)


def remember_search(request: HttpRequest, text: str) -> str:
    """The token for `text` in this session (the same text keeps its token)."""
    searches: dict[str, str] = dict(request.session.get(SEARCHES, {}))
    for token, kept in searches.items():
        if kept == text:
            return token
    token = secrets.token_urlsafe(12)
    searches[token] = text
    request.session[SEARCHES] = dict(list(searches.items())[-KEPT:])
    return token


def filters_from_address(request: HttpRequest) -> QueryDict:
    """The list's filters from the request's address (see filters_from_address_data)."""
    return filters_from_address_data(request, request.GET)


def filters_from_address_data(request: HttpRequest, address: QueryDict) -> QueryDict:
    """The list's filters from its address, with the search text looked up by its token; a
    search text written into the address itself is not believed (it would be logged)."""
    data = address.copy()
    data.pop(SEARCH_TEXT, None)
    token = data.get(SEARCH_TOKEN, "")
    text = request.session.get(SEARCHES, {}).get(token, "") if token else ""
    if text:
        data[SEARCH_TEXT] = text
    return data


def address_for(request: HttpRequest, posted: QueryDict, field_names: list[str]) -> QueryDict:
    """The address (query) of the list for a posted filter form: the search as a token."""
    query = QueryDict(mutable=True)
    for name in field_names:
        values = [value for value in posted.getlist(name) if value.strip()]
        if name == SEARCH_TEXT:
            if values:
                query[SEARCH_TOKEN] = remember_search(request, values[0].strip())
        elif values:
            query.setlist(name, values)
    return query
