"""Settings for the test suite: the production settings with fixed test secrets.

DATABASE_URL still chooses the engine, so the same suite runs on SQLite and PostgreSQL.
"""

import os
import tempfile

os.environ.setdefault("LIKEVERD_SECRET_KEY", "test-secret-key-" + "x" * 40)
os.environ.setdefault("LIKEVERD_DATA_KEY", "dGVzdC1kYXRhLWtleS10ZXN0LWRhdGEta2V5LTEyMzQ=")
os.environ.setdefault("LIKEVERD_SSL_REDIRECT", "false")
os.environ.setdefault("LIKEVERD_DATA_DIR", tempfile.mkdtemp(prefix="likeverd-test-"))
# Playwright's sync API runs an event loop in the test thread; the database calls the
# tests make between browser steps are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from likeverd.config.settings import *  # noqa: F403
from likeverd.config.settings import DATA_DIR

DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0
DOCUMENT_ROOT = DATA_DIR / "documents"
LOGGING = {"version": 1, "disable_existing_loggers": False}
# Receipt codes: OWASP's minimum for Argon2id (19 MiB, 2 passes), the cheapest setting the
# settings accept, so the suite's many codes cost little CPU on a shared machine.
RECEIPT_ARGON2_MEMORY_KIB = 19456
RECEIPT_ARGON2_TIME_COST = 2

if DATABASES["default"]["ENGINE"] == "likeverd.core.sqlite":  # noqa: F405
    # A file, not shared memory: concurrent-writer tests need SQLite's real locking (WAL,
    # IMMEDIATE transactions, busy timeout), which an in-memory database does not give.
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}  # noqa: F405
