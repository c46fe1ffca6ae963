"""Every string of the public pages is translated into every language they speak.

The public pages keep their own catalogues (likeverd/intake/locale), so that the languages the
staff screens do not speak are checked only for what the public reads: each catalogue holds every
message of this app's code and templates, translated, not fuzzy, with the same placeholders.
English is the source language.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

APP = Path(__file__).resolve().parents[1]
LANGUAGES = ["nb", "sv", "ar", "so", "pl", "uk", "ur", "ti"]
IN_CI = os.environ.get("CI", "").lower() == "true"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def catalogue(root: Path, language: str) -> polib.POFile:
    path = root / "locale" / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"missing {path}"
    return polib.pofile(str(path))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_message_is_translated(language: str) -> None:
    po = catalogue(APP, language)
    untranslated = [e.msgid for e in po if not e.obsolete and (not e.msgstr.strip() or "fuzzy" in e.flags)]
    assert untranslated == [], f"{language}: {len(untranslated)} untranslated, e.g. {untranslated[:5]}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(language: str) -> None:
    wrong = [
        e.msgid
        for e in catalogue(APP, language)
        if not e.obsolete and sorted(PLACEHOLDER.findall(e.msgid)) != sorted(PLACEHOLDER.findall(e.msgstr))
    ]
    assert wrong == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_catalogue_names_its_language_and_plural_rule(language: str) -> None:
    metadata = catalogue(APP, language).metadata
    assert metadata["Language"] == language
    assert "INTEGER" not in metadata["Plural-Forms"]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("xgettext") is None:
        if IN_CI:
            pytest.fail("xgettext (Debian package gettext) is required in CI")
        pytest.skip("xgettext (Debian package gettext) is not installed")
    root = tmp_path_factory.mktemp("public-messages") / "intake"
    shutil.copytree(APP, root, ignore=shutil.ignore_patterns("__pycache__", "tests", "*.mo"))
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "likeverd.config.settings_test"}
    subprocess.run(
        # -P: the copy's selectors.py must not shadow the standard library's selectors module.
        [
            sys.executable,
            "-P",
            "-m",
            "django",
            "makemessages",
            *[f"-l{lang}" for lang in LANGUAGES],
            "--no-location",
        ],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    return root


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_of_the_public_pages_is_in_the_catalogue(extracted: Path, language: str) -> None:
    committed = {(e.msgctxt, e.msgid) for e in catalogue(APP, language) if not e.obsolete}
    current = {(e.msgctxt, e.msgid) for e in catalogue(extracted, language) if not e.obsolete}
    missing = sorted(msgid for _, msgid in current - committed)
    assert missing == [], f"{language}: {len(missing)} strings not in the catalogue, e.g. {missing[:5]}"
