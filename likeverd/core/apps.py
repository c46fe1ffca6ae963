from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "likeverd.core"
    label = "core"

    def ready(self) -> None:
        from likeverd.core import checks  # noqa: F401  (registers the system checks)
