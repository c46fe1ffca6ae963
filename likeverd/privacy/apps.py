from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    """The data-protection officer's work: the office's audit log, a person's full record
    (right of access) and, later, retention. Sits above cases: it reads them, never the reverse."""

    name = "likeverd.privacy"
    label = "privacy"
    verbose_name = _("Data protection")
