"""Every user-facing string is translated into Norwegian bokmål and Swedish.

Extracts the messages from a copy of the code with Django's own `makemessages` and checks that
the committed catalogues hold every one of them, translated and not fuzzy.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

PACKAGE = Path(__file__).resolve().parents[2]
LANGUAGES = ["nb", "sv"]
IN_CI = os.environ.get("CI", "").lower() == "true"


def catalogue(root: Path, language: str) -> polib.POFile:
    path = root / "locale" / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"missing {path}"
    return polib.pofile(str(path))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_in_the_catalogue_is_translated(language: str) -> None:
    po = catalogue(PACKAGE, language)
    untranslated = [e.msgid for e in po if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]
    assert untranslated == [], f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("xgettext") is None:
        if IN_CI:
            pytest.fail("xgettext (Debian package gettext) is required in CI")
        pytest.skip("xgettext (Debian package gettext) is not installed")
    root = tmp_path_factory.mktemp("messages")
    shutil.copytree(PACKAGE, root / "likeverd", ignore=shutil.ignore_patterns("__pycache__", "tests", "*.mo"))
    # PYTHONSAFEPATH: the working directory (the package itself) must not go on sys.path, where
    # likeverd/statistics would shadow the standard library's statistics module.
    env = {
        **os.environ,
        "PYTHONPATH": str(root),
        "PYTHONSAFEPATH": "1",
        "DJANGO_SETTINGS_MODULE": "likeverd.config.settings_test",
    }
    subprocess.run(
        [
            sys.executable,
            "-m",
            "django",
            "makemessages",
            *[f"-l{lang}" for lang in LANGUAGES],
            "--no-location",
            "--ignore=*/tests/*",
        ],
        cwd=root / "likeverd",
        env=env,
        check=True,
        capture_output=True,
    )
    return root / "likeverd"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_in_the_code_is_in_the_catalogue(extracted: Path, language: str) -> None:
    committed = {(e.msgctxt, e.msgid) for e in catalogue(PACKAGE, language) if not e.obsolete}
    current = {(e.msgctxt, e.msgid) for e in catalogue(extracted, language) if not e.obsolete}
    missing = sorted(msgid for _, msgid in current - committed)
    assert missing == [], f"{language}: {len(missing)} strings not in the catalogue, e.g. {missing[:5]}"
