"""Limits: sizes of requests and files, rates of the public pages, and disclosure control."""

import os

from django.core.exceptions import ImproperlyConfigured

DOCUMENT_MAX_BYTES = int(os.environ.get("LIKEVERD_DOCUMENT_MAX_BYTES", str(20 * 1024 * 1024)))
# Evidence from the public (likeverd/intake/evidence.py): each file at most this size, before and
# after its metadata is removed; an image whose header claims more pixels than this is refused
# before it is decoded (50 million: a 48-megapixel phone photo and any screenshot pass; a
# decompression bomb, a tiny file that claims billions of pixels, does not).
EVIDENCE_MAX_BYTES = int(os.environ.get("LIKEVERD_EVIDENCE_MAX_BYTES", str(10 * 1024 * 1024)))
EVIDENCE_MAX_PIXELS = int(os.environ.get("LIKEVERD_EVIDENCE_MAX_PIXELS", str(50_000_000)))

# Request size limits (README.md, Limits on requests): a form's fields, not counting files, may
# take 5 MB and 1,000 fields (else 400); a file over 5 MB goes to a temporary file instead of
# memory while it is read; documents are refused above DOCUMENT_MAX_BYTES; nginx refuses any
# body above client_max_body_size (docs/deploy/nginx.conf) before Django sees it.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The public report form (README.md, Limits on requests): reports per address per hour (0 turns
# the limit off, e.g. for `make bench-intake`), and evidence files per report and in all.
INTAKE_REPORTS_PER_HOUR = int(os.environ.get("LIKEVERD_INTAKE_REPORTS_PER_HOUR", "10"))
# Likewise a reporter's messages to the office (with the receipt code) and bookings of a time.
INTAKE_MESSAGES_PER_HOUR = int(os.environ.get("LIKEVERD_INTAKE_MESSAGES_PER_HOUR", "30"))
INTAKE_BOOKINGS_PER_HOUR = int(os.environ.get("LIKEVERD_INTAKE_BOOKINGS_PER_HOUR", "10"))
INTAKE_EVIDENCE_MAX_FILES = 5
INTAKE_EVIDENCE_MAX_BYTES = int(os.environ.get("LIKEVERD_INTAKE_EVIDENCE_MAX_BYTES", str(20 * 1024 * 1024)))

# Disclosure control of every figure that leaves an office (docs/adr/0016-disclosure-control.md):
# counts from 1 to DISCLOSURE_THRESHOLD - 1 are suppressed, with secondary suppression. 1 turns
# suppression off; anything that is not a positive whole number is refused at start.
_disclosure_threshold = os.environ.get("LIKEVERD_DISCLOSURE_THRESHOLD", "5").strip()
if not (
    _disclosure_threshold.isascii() and _disclosure_threshold.isdigit() and int(_disclosure_threshold) >= 1
):
    raise ImproperlyConfigured(
        f"LIKEVERD_DISCLOSURE_THRESHOLD={_disclosure_threshold!r} is not a positive whole number. Fix: "
        "unset it (5: counts from 1 to 4 are suppressed), or set it to the smallest count that may be "
        "published, such as 5 or 10."
    )
DISCLOSURE_THRESHOLD = int(_disclosure_threshold)
