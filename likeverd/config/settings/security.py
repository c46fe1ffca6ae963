"""Secrets, hosts, the receipt codes' hashing and the security headers."""

import os

from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from likeverd.config.settings.environment import LOCAL, env_bool, env_list, secret
from likeverd.core.crypto import decode_key

SECRET_KEY = secret("LIKEVERD_SECRET_KEY")
# The key for encryption at rest (32 bytes, URL-safe base64). See likeverd/core/crypto.py.
DATA_KEY = secret("LIKEVERD_DATA_KEY")
decode_key(DATA_KEY)  # a malformed key stops the start, not the first encryption
# Earlier keys, comma-separated, still accepted for decryption after a rotation.
DATA_KEYS_PREVIOUS = os.environ.get("LIKEVERD_DATA_KEYS_PREVIOUS", "")

# A TLS proxy (nginx) in front: it sets X-Forwarded-Proto and X-Forwarded-For.
BEHIND_PROXY = env_bool("LIKEVERD_BEHIND_PROXY")
ALLOWED_HOSTS = env_list("LIKEVERD_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if LOCAL else "")
CSRF_TRUSTED_ORIGINS = env_list("LIKEVERD_CSRF_TRUSTED_ORIGINS")

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
    SECURE_SSL_REDIRECT = env_bool("LIKEVERD_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("LIKEVERD_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("LIKEVERD_HSTS_PRELOAD", default=False)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    if BEHIND_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HSTS preloading commits a domain to browsers' lists; each installation decides that itself
# (LIKEVERD_HSTS_PRELOAD), so its absence is not a deployment warning here.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
