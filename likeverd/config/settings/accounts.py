"""Staff accounts: the user model, passwords, sessions and login throttling."""

import os

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
