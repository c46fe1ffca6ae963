"""Stand-in for `likeverd.intake.evidence` (the metadata cleaner the `messages` branch brings),
with the same interface: `clean_upload(uploaded_file) -> CleanedFile`, raising
`EvidenceRefused(reason)`. It cleans nothing, so it refuses every file: no file is stored
with its metadata. Removed when the cleaner lands.
"""

from dataclasses import dataclass

from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class CleanedFile:
    name: str
    content_type: str
    data: bytes


class EvidenceRefused(Exception):  # noqa: N818 (the name agreed with the messages branch)
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def clean_upload(uploaded_file: "UploadedFile[bytes]") -> CleanedFile:
    raise EvidenceRefused(_("Files cannot be received here yet. Describe them in your report instead."))
