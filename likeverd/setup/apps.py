from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SetupConfig(AppConfig):
    """Setting an office up (createoffice), importing its earlier registrations (importcases and
    the import screen) and the invented demo data (demo). The top layer: it writes through the
    services of every app below it, and nothing imports it."""

    name = "likeverd.setup"
    label = "setup"
    verbose_name = _("Set-up")

    def ready(self) -> None:
        from likeverd.setup.imports import panels

        panels.register()  # the imported case's sheet number on the case page
