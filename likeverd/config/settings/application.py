"""The apps, the middleware, the URLs and the templates."""

from likeverd.config.settings.environment import BASE_DIR

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
