from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "likeverd.outreach"
    label = "outreach"
    verbose_name = _("Outreach and finances")

    def ready(self) -> None:
        from likeverd.outreach import receivers  # noqa: F401 - seeds the standard courses of a new office
