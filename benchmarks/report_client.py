"""A person's browser, reduced to what the report form needs: GET the form (its CSRF cookie and
token, and its one-time token), POST a report, and read where the confirmation is.

Plain http.client, one connection per request, as separate phones would; used by
`make bench-intake` and by the kill test (likeverd/intake/tests/test_durability.py).
"""

import http.client
import re
from dataclasses import dataclass
from urllib.parse import urlencode

CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
ONCE_FIELD = re.compile(r'name="once_token" value="([^"]+)"')


def report_data(narrative: str) -> list[tuple[str, str]]:
    """A full report from the form, with `narrative` to find it again in the database."""
    return [
        ("reporter_kind", "myself"),
        ("narrative", narrative),
        ("incident_date", "last week"),
        ("incident_municipality", "Oslo"),
        ("grounds", "ETHNICITY"),
        ("grounds", "RELIGION"),
        ("counterpart_kind", "private_person"),
        ("wishes", "advice"),
        ("contact", "anonymous"),
        ("language", "ar"),
        ("consent", "on"),
        ("website", ""),
    ]


@dataclass(frozen=True)
class Sent:
    status: int  # 302 when the report was accepted (the confirmation's address follows)
    location: str


def _cookies(response: http.client.HTTPResponse) -> str:
    pairs = []
    for header, value in response.getheaders():
        if header.lower() == "set-cookie":
            pairs.append(value.split(";", 1)[0])
    return "; ".join(pairs)


def send_report(port: int, office_code: str, narrative: str, *, timeout: float = 120) -> Sent:
    """GET the form and POST one report through it, on 127.0.0.1:`port`."""
    path = f"/en/offices/{office_code.lower()}/report/"
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        form = connection.getresponse()
        page = form.read().decode()
        if form.status != 200:
            return Sent(status=form.status, location="")
        cookie = _cookies(form)
    finally:
        connection.close()
    csrf, once = CSRF_FIELD.search(page), ONCE_FIELD.search(page)
    if csrf is None or once is None:
        raise RuntimeError("the report form has no CSRF or one-time token")
    body = urlencode(
        [("csrfmiddlewaretoken", csrf.group(1)), ("once_token", once.group(1)), *report_data(narrative)]
    )
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            "POST",
            path,
            body=body,
            headers={
                "Host": "127.0.0.1",
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": cookie,
            },
        )
        response = connection.getresponse()
        response.read()
        return Sent(status=response.status, location=response.getheader("Location") or "")
    finally:
        connection.close()
