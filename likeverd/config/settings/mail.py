"""E-mail, and the public pages' way out."""

import os
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from likeverd.config.settings.environment import LOCAL, env_bool

# E-mail leaves through an SMTP server (Django's MAILERS). A local installation without a mail
# server of its own prints messages on the worker's console instead.
_email_host = os.environ.get("LIKEVERD_EMAIL_HOST", "").strip()
_email_use_tls = env_bool("LIKEVERD_EMAIL_USE_TLS")
_email_use_ssl = env_bool("LIKEVERD_EMAIL_USE_SSL")
if _email_use_tls and _email_use_ssl:
    raise ImproperlyConfigured(
        "LIKEVERD_EMAIL_USE_TLS and LIKEVERD_EMAIL_USE_SSL are both on. Fix: choose one "
        "(TLS: STARTTLS, usually port 587; SSL: implicit TLS, usually port 465)."
    )
MAILERS: dict[str, dict[str, Any]]
if LOCAL and not _email_host:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _email_host or "localhost",
                "port": int(os.environ.get("LIKEVERD_EMAIL_PORT", "25")),
                "username": os.environ.get("LIKEVERD_EMAIL_USER", ""),
                "password": os.environ.get("LIKEVERD_EMAIL_PASSWORD", ""),
                "use_tls": _email_use_tls,
                "use_ssl": _email_use_ssl,
                "timeout": int(os.environ.get("LIKEVERD_EMAIL_TIMEOUT", "30")),
            },
        }
    }
DEFAULT_FROM_EMAIL = os.environ.get("LIKEVERD_DEFAULT_FROM_EMAIL", "likeverd@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# The public pages' quick exit leaves for this neutral site (README.md, Public site).
QUICK_EXIT_URL = os.environ.get("LIKEVERD_QUICK_EXIT_URL", "https://www.yr.no/")
if not QUICK_EXIT_URL.startswith("https://") and not QUICK_EXIT_URL.startswith("http://"):
    raise ImproperlyConfigured(
        f"LIKEVERD_QUICK_EXIT_URL={QUICK_EXIT_URL!r} is not a web address. Fix: set it to a neutral "
        "site such as https://www.yr.no/ or unset it."
    )
