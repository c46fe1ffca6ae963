from django.urls import URLPattern, path

from likeverd.statistics import network_views, views

app_name = "statistics"
urlpatterns: list[URLPattern] = [
    path("", views.index, name="index"),
    path("report/", views.report, name="report"),
    path("report/download/<str:file_format>/", views.download, name="download"),
    # The network statistician's figures across offices (network_views.py).
    path("network/", network_views.network, name="network"),
]
