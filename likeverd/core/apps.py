from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "likeverd.core"
    label = "core"
