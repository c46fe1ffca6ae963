"""Reading the environment: flags, lists and secrets, and the kind of installation this is."""

import base64
import os
import secrets
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("LIKEVERD_DEBUG")
# Runs on this machine only: throwaway secrets, localhost, plain HTTP. Never in production.
LOCAL = DEBUG or env_bool("LIKEVERD_LOCAL")
DATA_DIR = Path(os.environ.get("LIKEVERD_DATA_DIR", Path.cwd() / "var")).resolve()


def _throwaway_secret(name: str) -> str:
    """A development secret, generated once and kept in the data directory."""
    path = DATA_DIR / "dev-secrets" / name
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    value = base64.urlsafe_b64encode(secrets.token_bytes(32)).decode()
    path.write_text(value)
    path.chmod(0o600)
    return value


def secret(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if value:
        return value
    if LOCAL:
        return _throwaway_secret(name)
    raise ImproperlyConfigured(
        f"{name} is not set, and production refuses to start without it. Fix: set "
        "LIKEVERD_SECRET_KEY and LIKEVERD_DATA_KEY in the environment (`likeverd generatekey` prints both), "
        "or LIKEVERD_LOCAL=true to try Likeverd on this machine; see README.md (Configuration)."
    )
