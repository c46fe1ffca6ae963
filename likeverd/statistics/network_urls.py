"""The network statistician's screen, /<lang>/staff/statistics/network/ (namespace "statistics").

Included from likeverd/config/urls.py under staff/statistics/. When the annual report's
likeverd/statistics/urls.py (same namespace) is there, its urlpatterns take these in with
`*network_urls.urlpatterns` and this include goes.
"""

from django.urls import URLPattern, path

from likeverd.statistics import network_views

app_name = "statistics"

urlpatterns: list[URLPattern] = [
    path("network/", network_views.network, name="network"),
]
