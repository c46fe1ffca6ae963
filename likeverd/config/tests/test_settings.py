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


@pytest.mark.parametrize("command", [["check"], ["--help"], ["migrate", "--no-input"]])
def test_a_missing_configuration_is_explained_in_one_line_with_the_fix(
    tmp_path: Path, command: list[str]
) -> None:
    result = run_likeverd(*command, env={"LIKEVERD_DATA_DIR": str(tmp_path)}, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith("likeverd: LIKEVERD_SECRET_KEY is not set")
    assert "Fix: set LIKEVERD_SECRET_KEY and LIKEVERD_DATA_KEY" in line
    assert "`likeverd generatekey` prints both" in line


def test_a_malformed_data_key_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    env = {
        "LIKEVERD_DATA_DIR": str(tmp_path),
        "LIKEVERD_SECRET_KEY": "s" * 60,
        "LIKEVERD_DATA_KEY": "too-short",
        "LIKEVERD_ALLOWED_HOSTS": "likeverd.example.org",
    }
    result = run_likeverd("check", env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("likeverd: LIKEVERD_DATA_KEY must be 32 random bytes")
    assert "Traceback" not in result.stderr


def test_an_unknown_task_backend_is_refused_with_the_choices(tmp_path: Path) -> None:
    env = {"LIKEVERD_DATA_DIR": str(tmp_path), "LIKEVERD_LOCAL": "true", "LIKEVERD_TASKS_BACKEND": "celery"}
    result = run_likeverd("check", env=env, cwd=tmp_path)
    assert result.returncode == 1
    assert "set it to database or immediate" in result.stderr


def test_the_local_installation_shows_the_friendly_pages_and_serves_static_files(tmp_path: Path) -> None:
    """What `make demo` runs: throwaway secrets and static files from the source tree, but the
    error pages a person meets in production, not Django's debug pages."""
    script = (
        "from django.test import Client\n"
        "client = Client(HTTP_HOST='localhost')\n"
        "missing = client.get('/en/staff/no-such-page/')\n"
        "print(missing.status_code, missing.content.decode())\n"
        "print('static', client.get('/static/likeverd/site.css').status_code)\n"
    )
    env = {"LIKEVERD_DATA_DIR": str(tmp_path), "LIKEVERD_LOCAL": "true"}
    result = run_likeverd("shell", "--no-imports", "-c", script, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("404 ")
    assert "<h1>Not found</h1>" in result.stdout
    assert "Django tried these URL patterns" not in result.stdout
    assert "static 200" in result.stdout


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
    response = client.get("/en/staff/account/login/")
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


@pytest.mark.postgresql_only
@pytest.mark.django_db
def test_postgresql_starts_no_parallel_workers_for_a_pages_short_statements() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SHOW parallel_setup_cost")
        assert float(cursor.fetchone()[0]) == 10000


def test_passwords_work_whatever_is_left_of_the_old_argon2_switch(tmp_path: Path) -> None:
    # LIKEVERD_ARGON2 once chose a hasher whose library is not installed: every login failed.
    env = {"LIKEVERD_DATA_DIR": str(tmp_path), "LIKEVERD_LOCAL": "true", "LIKEVERD_ARGON2": "true"}
    script = (
        "from django.contrib.auth.hashers import check_password, make_password\n"
        "hashed = make_password('correct horse battery')\n"
        "print(hashed.split('$')[0], check_password('correct horse battery', hashed))\n"
    )
    result = run_likeverd("shell", "--no-imports", "-c", script, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["pbkdf2_sha256", "True"]
