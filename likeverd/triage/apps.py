from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TriageConfig(AppConfig):
    name = "likeverd.triage"
    label = "triage"
    verbose_name = _("Sorting and legal assessment")

    def ready(self) -> None:
        # checks registers the data-file check on import
        from likeverd.cases import registry
        from likeverd.triage import act_panels, checks, panels  # noqa: F401
        from likeverd.triage.assessment_services import DECISION_EVENT

        panels.register()  # its section of the case page and its dashboard box
        act_panels.register()  # drafts and referrals: their section and timeline kinds
        registry.register_event_kind(
            DECISION_EVENT, label=_("Decision recorded"), template="triage/events/decision.html"
        )
