from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntakeConfig(AppConfig):
    name = "likeverd.intake"
    label = "intake"
    verbose_name = _("Public site")

    def ready(self) -> None:
        from likeverd.intake import panels
        from likeverd.intake.booking import panels as booking_panels
        from likeverd.intake.conversation.views import staff as conversation_views

        panels.register()  # the case page's section "From the public form"
        conversation_views.register()  # the conversation's section of the case page and its timeline kinds
        booking_panels.register()  # the bookings section of the case page
