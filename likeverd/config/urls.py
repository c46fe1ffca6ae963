from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.i18n import set_language

from likeverd.officeadmin.views.home import home

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/setlang/", set_language, name="set_language"),
]
urlpatterns += i18n_patterns(
    # Each role's landing page; for case readers it is the case overview (cases:dashboard, whose
    # own pattern for the same address this one answers first).
    path("", home, name="home"),
    path("", include("likeverd.cases.urls")),
    path("", include("likeverd.privacy.urls")),
    path("office/", include("likeverd.officeadmin.urls")),
    path("account/", include("likeverd.accounts.urls")),
    path("directory/", include("likeverd.directory.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
