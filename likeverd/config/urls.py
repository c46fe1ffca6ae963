from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from django.views.i18n import set_language

urlpatterns: list[URLPattern | URLResolver] = [
    path("i18n/setlang/", set_language, name="set_language"),
]
urlpatterns += i18n_patterns(
    path("", include("likeverd.cases.urls")),
    path("", include("likeverd.privacy.urls")),
    path("account/", include("likeverd.accounts.urls")),
    path("directory/", include("likeverd.directory.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)
