"""The conflict-of-interest check finds a name again whichever server process stored it."""

import os
import subprocess
import sys
import uuid

from likeverd.accounts.models import Office
from likeverd.cases.search import name_key, normalise_name

OFFICE_ID = uuid.UUID("6d0c5a8e-7d0f-4a34-9d1c-3f2b9d6c1e01")

SCRIPT = f"""
import uuid
import django
django.setup()
from likeverd.accounts.models import Office
from likeverd.cases.search import name_key
print(name_key(Office(public_id=uuid.UUID("{OFFICE_ID}")), "Samir  Nasser Al-Amin"))
"""


def _key_in_process(hash_seed: str) -> str:
    env = {
        **os.environ,
        "PYTHONHASHSEED": hash_seed,
        "DJANGO_SETTINGS_MODULE": "likeverd.config.settings_test",
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_name_gets_the_same_key_in_processes_with_different_hash_seeds() -> None:
    keys = {_key_in_process(seed) for seed in ("1", "2", "3", "4")}
    assert len(keys) == 1
    assert keys == {str(name_key(Office(public_id=OFFICE_ID), "Samir  Nasser Al-Amin"))}


def test_a_name_is_normalised_word_by_word_whatever_case_spacing_and_order() -> None:
    assert normalise_name("  SAMIR   nasser ") == "nasser samir"
    assert normalise_name("Nasser, Samir") == normalise_name("Samir Nasser")
