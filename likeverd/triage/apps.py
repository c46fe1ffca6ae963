from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    name = "likeverd.triage"
    label = "triage"
    verbose_name = _("Sorting and legal assessment")

    def ready(self) -> None:
        from likeverd.triage import checks  # noqa: F401  (registers the data-file check)
