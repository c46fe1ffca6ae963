from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "likeverd.accounts"
    label = "accounts"
    verbose_name = _("Offices and people")

    def ready(self) -> None:
        from likeverd.accounts import receivers  # noqa: F401  (connects the login signals)


class LikeverdAdminConfig(admin_apps.AdminConfig):
    """Django's admin with the two-factor admin site as its default site.

    Listed in INSTALLED_APPS in place of "django.contrib.admin"; `default = False` keeps
    AccountsConfig the configuration Django picks for "likeverd.accounts".
    """

    default = False
    default_site = "likeverd.accounts.admin_site.LikeverdAdminSite"
