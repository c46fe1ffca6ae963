"""Settings, read only from environment variables (documented in README.md).

Production (LIKEVERD_LOCAL and LIKEVERD_DEBUG unset or false) refuses to start without its
secrets. A local installation (LIKEVERD_LOCAL=true: the demo, development) generates throwaway
secrets, kept in the data directory so that the demo's encrypted data stays readable across
restarts, serves plain HTTP on localhost and static files from the source tree. LIKEVERD_DEBUG=true
is a local installation that also shows Django's debug pages instead of the friendly error pages.
"""

import base64
import os
import secrets
from pathlib import Path
from typing import Any

import dj_database_url
import django_stubs_ext
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from likeverd.core import languages
from likeverd.core.crypto import decode_key

django_stubs_ext.monkeypatch()  # generic ModelAdmin[...] and friends at run time

BASE_DIR = Path(__file__).resolve().parent.parent


def _env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = _env_bool("LIKEVERD_DEBUG")
# Runs on this machine only: throwaway secrets, localhost, plain HTTP. Never in production.
LOCAL = DEBUG or _env_bool("LIKEVERD_LOCAL")
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


def _secret(name: str) -> str:
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


SECRET_KEY = _secret("LIKEVERD_SECRET_KEY")
# The key for encryption at rest (32 bytes, URL-safe base64). See likeverd/core/crypto.py.
DATA_KEY = _secret("LIKEVERD_DATA_KEY")
decode_key(DATA_KEY)  # a malformed key stops the start, not the first encryption
# Earlier keys, comma-separated, still accepted for decryption after a rotation.
DATA_KEYS_PREVIOUS = os.environ.get("LIKEVERD_DATA_KEYS_PREVIOUS", "")

# A TLS proxy (nginx) in front: it sets X-Forwarded-Proto and X-Forwarded-For.
BEHIND_PROXY = _env_bool("LIKEVERD_BEHIND_PROXY")
ALLOWED_HOSTS = _env_list("LIKEVERD_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if LOCAL else "")
CSRF_TRUSTED_ORIGINS = _env_list("LIKEVERD_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "likeverd.accounts.apps.LikeverdAdminConfig",  # the admin, behind the two-factor login
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_htmx",
    "django_tasks_db",
    "likeverd.core",
    "likeverd.accounts",
    "likeverd.audit",
    "likeverd.taxonomy",
    "likeverd.directory",
    "likeverd.knowledge",
    "likeverd.cases",
    "likeverd.privacy",
    "likeverd.setup",
    "likeverd.triage",
    "likeverd.officeadmin",
    "likeverd.intake",
    "likeverd.mediation",
    "likeverd.outreach",
    "likeverd.statistics",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "likeverd.core.middleware.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "likeverd.accounts.middleware.IdleTimeoutMiddleware",
    "likeverd.accounts.middleware.StaffLanguageMiddleware",
    "likeverd.accounts.middleware.ViewerMiddleware",
    "likeverd.accounts.middleware.PasswordChangeRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "likeverd.config.urls"
WSGI_APPLICATION = "likeverd.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "likeverd.accounts.context_processors.viewer",
                "likeverd.cases.context_processors.case_access",
            ],
        },
    },
]
# Django's form renderer, with the stock select and input widgets written out in Python
# (the same HTML, without a template render per option): likeverd/core/form_rendering.py.
FORM_RENDERER = "likeverd.core.form_rendering.FormRenderer"

_default_sqlite = DATA_DIR / "likeverd.sqlite3"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{_default_sqlite}"),
        conn_max_age=int(os.environ.get("LIKEVERD_DB_CONN_MAX_AGE", "0")),
        conn_health_checks=True,  # a persistent connection that broke is opened again, not used
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] == str(_default_sqlite):
        DATA_DIR.mkdir(parents=True, exist_ok=True)
    # Django's SQLite backend, with writers served in the order they arrive (likeverd/core/sqlite).
    DATABASES["default"]["ENGINE"] = "likeverd.core.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock
        # at the start of a transaction so that concurrent writers wait instead of failing.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Django's PBKDF2 (its iteration count rises with each Django release). There is no switch to
# Argon2: it would need argon2-cffi, which Likeverd does not depend on.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"
SESSION_COOKIE_AGE = 60 * 60 * 8
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Shared office computers: a staff session ends after this many minutes without a request.
SESSION_IDLE_TIMEOUT = 60 * int(os.environ.get("LIKEVERD_IDLE_MINUTES", "30"))

# Login throttling (django-axes): a username and address pair is locked for a while
# after repeated failures, and the lock is lifted by a successful login. The pair, not the
# username alone: a stranger guessing from elsewhere locks only themselves, never the staff
# member (behind the proxy, the address is the client's: likeverd.core.proxy). Guessing from
# many addresses still meets the second factor.
AXES_FAILURE_LIMIT = int(os.environ.get("LIKEVERD_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "likeverd.accounts.views.locked_out"
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]
# Our own audit log records logins; axes keeps only the failures it needs for throttling.
AXES_DISABLE_ACCESS_LOG = True
AXES_CLIENT_IP_CALLABLE = "likeverd.core.proxy.client_address"
OTP_TOTP_ISSUER = "Likeverd"

LANGUAGE_CODE = "nb"
# Every language of the public pages; staff screens speak only STAFF_LANGUAGES, and a staff
# screen asked for in another language answers in the person's staff language instead.
languages.register_language_info()
LANGUAGES = [
    ("nb", _("Norwegian Bokmål")),
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("pl", _("Polish")),
    ("uk", _("Ukrainian")),
    ("ur", _("Urdu")),
    ("ti", _("Tigrinya")),
]
STAFF_LANGUAGES = list(languages.STAFF_LANGUAGES)
# The language a visitor chose is kept for later visits (the picker on every public page sets it).
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_SECURE = not LOCAL
LOCALE_PATHS = [BASE_DIR / "locale"]
# Day first and the 24-hour clock in every interface language (English included); see likeverd/formats.
FORMAT_MODULE_PATH = ["likeverd.formats"]
TIME_ZONE = os.environ.get("LIKEVERD_TIME_ZONE", "Europe/Oslo")
USE_I18N = True
USE_TZ = True

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
DOCUMENT_MAX_BYTES = int(os.environ.get("LIKEVERD_DOCUMENT_MAX_BYTES", str(20 * 1024 * 1024)))
# Evidence from the public (likeverd/intake/evidence.py): each file at most this size, before and
# after its metadata is removed; an image whose header claims more pixels than this is refused
# before it is decoded (50 million: a 48-megapixel phone photo and any screenshot pass; a
# decompression bomb, a tiny file that claims billions of pixels, does not).
EVIDENCE_MAX_BYTES = int(os.environ.get("LIKEVERD_EVIDENCE_MAX_BYTES", str(10 * 1024 * 1024)))
EVIDENCE_MAX_PIXELS = int(os.environ.get("LIKEVERD_EVIDENCE_MAX_PIXELS", str(50_000_000)))

# Receipt codes of public reports (docs/adr/0010-receipt-codes.md): the secret part is stored only
# as an Argon2id hash with these parameters (memory in KiB). The default (64 MiB, 3 passes) is
# well above OWASP's minimum; a setting below it (e.g. 19 MiB with 2 passes, 46 MiB with 1) is
# refused at start. Codes issued under other parameters keep verifying (each hash names its own).
RECEIPT_ARGON2_MEMORY_KIB = int(os.environ.get("LIKEVERD_RECEIPT_ARGON2_MEMORY_KIB", "65536"))
RECEIPT_ARGON2_TIME_COST = int(os.environ.get("LIKEVERD_RECEIPT_ARGON2_TIME_COST", "3"))
RECEIPT_ARGON2_PARALLELISM = int(os.environ.get("LIKEVERD_RECEIPT_ARGON2_PARALLELISM", "1"))
# OWASP Password Storage Cheat Sheet: equal-strength Argon2id settings (passes -> least memory).
_ARGON2_OWASP_MINIMUM_KIB = {1: 47104, 2: 19456, 3: 12288, 4: 9216, 5: 7168}
_argon2_least_memory = _ARGON2_OWASP_MINIMUM_KIB[min(max(RECEIPT_ARGON2_TIME_COST, 1), 5)]
if _argon2_least_memory > RECEIPT_ARGON2_MEMORY_KIB:
    raise ImproperlyConfigured(
        f"LIKEVERD_RECEIPT_ARGON2_MEMORY_KIB={RECEIPT_ARGON2_MEMORY_KIB} with "
        f"LIKEVERD_RECEIPT_ARGON2_TIME_COST={RECEIPT_ARGON2_TIME_COST} is weaker than OWASP's minimum "
        "for Argon2id. Fix: unset both (64 MiB, 3 passes), or use at least 19456 KiB with 2 passes."
    )
# A reporter who entered a correct code reads their report for this long without a request,
# and for at most RECEIPT_SESSION_MAX_MINUTES in all; then the code is asked for again.
RECEIPT_SESSION_IDLE_MINUTES = int(os.environ.get("LIKEVERD_RECEIPT_SESSION_IDLE_MINUTES", "10"))
RECEIPT_SESSION_MAX_MINUTES = int(os.environ.get("LIKEVERD_RECEIPT_SESSION_MAX_MINUTES", "60"))
# Request size limits (README.md, Limits on requests): a form's fields, not counting files, may
# take 5 MB and 1,000 fields (else 400); a file over 5 MB goes to a temporary file instead of
# memory while it is read; documents are refused above DOCUMENT_MAX_BYTES; nginx refuses any
# body above client_max_body_size (docs/deploy/nginx.conf) before Django sees it.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 1000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The public report form (README.md, Limits on requests): reports per address per hour (0 turns
# the limit off, e.g. for `make bench-intake`), and evidence files per report and in all.
INTAKE_REPORTS_PER_HOUR = int(os.environ.get("LIKEVERD_INTAKE_REPORTS_PER_HOUR", "10"))
# Likewise a reporter's messages to the office (with the receipt code) and bookings of a time.
INTAKE_MESSAGES_PER_HOUR = int(os.environ.get("LIKEVERD_INTAKE_MESSAGES_PER_HOUR", "30"))
INTAKE_BOOKINGS_PER_HOUR = int(os.environ.get("LIKEVERD_INTAKE_BOOKINGS_PER_HOUR", "10"))
INTAKE_EVIDENCE_MAX_FILES = 5
INTAKE_EVIDENCE_MAX_BYTES = int(os.environ.get("LIKEVERD_INTAKE_EVIDENCE_MAX_BYTES", str(20 * 1024 * 1024)))

# Disclosure control of every figure that leaves an office (docs/adr/0016-disclosure-control.md):
# counts from 1 to DISCLOSURE_THRESHOLD - 1 are suppressed, with secondary suppression. 1 turns
# suppression off; anything that is not a positive whole number is refused at start.
_disclosure_threshold = os.environ.get("LIKEVERD_DISCLOSURE_THRESHOLD", "5").strip()
if not (
    _disclosure_threshold.isascii() and _disclosure_threshold.isdigit() and int(_disclosure_threshold) >= 1
):
    raise ImproperlyConfigured(
        f"LIKEVERD_DISCLOSURE_THRESHOLD={_disclosure_threshold!r} is not a positive whole number. Fix: "
        "unset it (5: counts from 1 to 4 are suppressed), or set it to the smallest count that may be "
        "published, such as 5 or 10."
    )
DISCLOSURE_THRESHOLD = int(_disclosure_threshold)

# Background work (django.tasks): a queue in the database, worked by `likeverd db_worker`
# (README.md, Running in production). "immediate" runs each task inside the request that
# enqueues it: for a test that needs it, never for an installation.
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django.tasks.backends.immediate.ImmediateBackend",
}
_task_backend = os.environ.get("LIKEVERD_TASKS_BACKEND", "database").strip().lower()
if _task_backend not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"LIKEVERD_TASKS_BACKEND={_task_backend!r} is not known. Fix: unset it, or set it to "
        + " or ".join(_TASK_BACKENDS)
        + "."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[_task_backend], "QUEUES": ["default"]}}

# E-mail leaves through an SMTP server (Django's MAILERS). A local installation without a mail
# server of its own prints messages on the worker's console instead.
_email_host = os.environ.get("LIKEVERD_EMAIL_HOST", "").strip()
_email_use_tls = _env_bool("LIKEVERD_EMAIL_USE_TLS")
_email_use_ssl = _env_bool("LIKEVERD_EMAIL_USE_SSL")
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

# Every page is self-contained: no CDN, no third-party request.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not LOCAL:
    SECURE_SSL_REDIRECT = _env_bool("LIKEVERD_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("LIKEVERD_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = _env_bool("LIKEVERD_HSTS_PRELOAD", default=False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HSTS preloading commits a domain to browsers' lists; each installation decides that itself
# (LIKEVERD_HSTS_PRELOAD), so its absence is not a deployment warning here.
SILENCED_SYSTEM_CHECKS = ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    # Request logs carry only paths, and paths carry only unguessable ids: nothing personal.
    "root": {"handlers": ["console"], "level": os.environ.get("LIKEVERD_LOG_LEVEL", "INFO")},
    # axes names the typed username in its warnings: a person's name has no place in logs.
    # The task worker logs a task's id, name and state, never its arguments.
    # WeasyPrint and fontTools report each step of printing a draft at INFO, pikepdf its start-up.
    "loggers": {
        "axes": {"level": "ERROR"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
        "pikepdf": {"level": "WARNING"},
    },
}
