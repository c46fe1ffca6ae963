from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OfficeAdminConfig(AppConfig):
    name = "likeverd.officeadmin"
    label = "officeadmin"
    verbose_name = _("Office administration")
