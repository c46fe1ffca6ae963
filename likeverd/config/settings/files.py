"""Static files, and where documents and draft layouts are kept."""

import os
from pathlib import Path

from likeverd.config.settings.environment import DATA_DIR, LOCAL

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not LOCAL
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = LOCAL
if LOCAL:
    STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # whitenoise warns at every start without it
# Encrypted documents live here, outside any web-served directory.
DOCUMENT_ROOT = Path(os.environ.get("LIKEVERD_DOCUMENT_ROOT", DATA_DIR / "documents"))
# An office's own layouts of drafts: <dir>/<OFFICE CODE>/<kind>.docx and .html (README, "Draft templates").
DRAFT_TEMPLATE_DIR = os.environ.get("LIKEVERD_DRAFT_TEMPLATES", "")
