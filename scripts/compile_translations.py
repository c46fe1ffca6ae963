"""Compile every likeverd/locale/*/LC_MESSAGES/django.po (and every app's, such as the public
pages' likeverd/intake/locale) to its .mo with polib.

polib rather than Django's compilemessages, so `make install` needs no GNU gettext on the
machine. A .mo newer than its .po is left alone, so re-runs are instant.
"""

import sys
from pathlib import Path

import polib

PACKAGE_ROOT = Path(__file__).resolve().parent.parent / "likeverd"
LOCALE_ROOT = PACKAGE_ROOT / "locale"


def compile_catalogues(locale_root: Path) -> int:
    compiled = 0
    for po_path in sorted(locale_root.glob("*/LC_MESSAGES/django.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
        compiled += 1
        print(f"compiled {mo_path.relative_to(locale_root.parent.parent)}")
    return compiled


if __name__ == "__main__":
    compile_catalogues(LOCALE_ROOT)
    for app_locale in sorted(PACKAGE_ROOT.glob("*/locale")):
        compile_catalogues(app_locale)
    sys.exit(0)
