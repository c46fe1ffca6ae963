"""The nginx example in docs/deploy/ agrees with the settings it sits in front of."""

import re
from pathlib import Path

from django.conf import settings

NGINX = Path(__file__).resolve().parents[3] / "docs" / "deploy" / "nginx.conf"
UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def test_the_proxy_lets_the_largest_accepted_document_through() -> None:
    match = re.search(r"^\s*client_max_body_size\s+(\d+)([kmg]?);", NGINX.read_text(), re.MULTILINE)
    assert match, "client_max_body_size is set"
    limit = int(match.group(1)) * UNITS[match.group(2)]
    assert limit > settings.DOCUMENT_MAX_BYTES
    assert limit < settings.DOCUMENT_MAX_BYTES * 1.2  # a margin for the form, not an open door


def test_the_proxy_logs_no_query_string_and_no_client_details() -> None:
    text = NGINX.read_text()
    formats = re.findall(r"log_format\s+\w+\s+'([^;]*)';", text)
    assert formats, "a log format of its own"
    revealing = re.compile(r"\$(request|request_uri|args|arg_\w+|query_string|remote_addr|http_\w+)\b")
    assert [revealing.findall(fmt) for fmt in formats] == [[] for _ in formats]
    # Every access log uses that format, never nginx's default "combined" one.
    assert re.findall(r"access_log\s+\S+\s+(\w+);", text) == ["likeverd", "likeverd"]
