"""The settings as an installer meets them: production refuses to start without its secrets,
and passes Django's deployment checks once they are given."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client

from likeverd.core.crypto import generate_key


def run_likeverd(*args: str, env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("LIKEVERD_", "DJANGO_", "DATABASE_URL"))
    }
    return subprocess.run(
        [sys.executable, "-m", "likeverd", *args],
        env={**clean, **env},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_refuses_to_start_without_secrets(tmp_path: Path) -> None:
    result = run_likeverd("check", env={"LIKEVERD_DATA_DIR": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode != 0
    assert "LIKEVERD_SECRET_KEY is not set" in result.stderr


def test_a_malformed_data_key_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    env = {
        "LIKEVERD_DATA_DIR": str(tmp_path),
        "LIKEVERD_SECRET_KEY": "s" * 60,
        "LIKEVERD_DATA_KEY": "too-short",
        "LIKEVERD_ALLOWED_HOSTS": "likeverd.example.org",
    }
    result = run_likeverd("check", env=env, cwd=tmp_path)
    assert result.returncode != 0
    assert "LIKEVERD_DATA_KEY must be 32 random bytes" in result.stderr


def test_generatekey_works_before_any_key_is_configured(tmp_path: Path) -> None:
    result = run_likeverd("generatekey", env={"LIKEVERD_DATA_DIR": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "LIKEVERD_DATA_KEY=" in result.stdout


def test_production_settings_pass_the_deployment_checks(tmp_path: Path) -> None:
    env = {
        "LIKEVERD_DATA_DIR": str(tmp_path),
        "LIKEVERD_SECRET_KEY": generate_key() + generate_key(),
        "LIKEVERD_DATA_KEY": generate_key(),
        "LIKEVERD_ALLOWED_HOSTS": "likeverd.example.org",
    }
    result = run_likeverd("check", "--deploy", "--fail-level", "WARNING", env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr


def test_development_generates_throwaway_secrets_and_keeps_them(tmp_path: Path) -> None:
    env = {"LIKEVERD_DATA_DIR": str(tmp_path), "LIKEVERD_DEBUG": "true"}
    script = "from django.conf import settings; print(settings.DATA_KEY)"
    first = run_likeverd("shell", "--no-imports", "-c", script, env=env, cwd=tmp_path)
    second = run_likeverd("shell", "--no-imports", "-c", script, env=env, cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert len(first.stdout.strip()) == 44


def test_every_page_forbids_third_party_content(client: Client) -> None:
    response = client.get("/en/account/login/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.django_db
def test_the_database_is_sqlite_in_wal_mode_or_postgresql() -> None:
    assert connection.vendor in {"sqlite", "postgresql"}
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
