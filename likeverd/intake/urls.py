"""The public pages, at /<language>/."""

from django.urls import URLPattern, URLResolver, include, path

from likeverd.intake import views

app_name = "intake"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.start, name="start"),
    path("language/", views.choose_language, name="choose-language"),
    path("offices/<slug:code>/", views.office_page, name="office"),
    path("offices/<slug:code>/guide/", views.guide_page, name="guide"),
    path("offices/<slug:code>/report/", views.report_start, name="report-start"),
    # Booking a call-back or a meeting (likeverd/intake/booking), in this namespace.
    path("", include("likeverd.intake.booking.urls")),
    path("offices/<slug:code>/report/sent/<str:key>/", views.report_sent, name="report-sent"),
]
