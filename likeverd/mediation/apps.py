from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediationConfig(AppConfig):
    name = "likeverd.mediation"
    label = "mediation"
    verbose_name = _("Mediation bench")

    def ready(self) -> None:
        from likeverd.core import files
        from likeverd.mediation import panels, services

        files.register_references("mediation.Agreement", services.signed_files)
        panels.register()  # the bench's event kind, case-page section and dashboard box
