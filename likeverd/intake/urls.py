"""The public pages, at /<language>/."""

from django.urls import URLPattern, URLResolver, include, path

from likeverd.intake import search_views, views
from likeverd.intake.conversation.views import reporter as reporter_views

app_name = "intake"
urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.start, name="start"),
    path("language/", views.choose_language, name="choose-language"),
    path("offices/<slug:code>/", views.office_page, name="office"),
    path("offices/<slug:code>/guide/", views.guide_page, name="guide"),
    path("offices/<slug:code>/report/", views.report_start, name="report-start"),
    path("offices/<slug:code>/help/", search_views.office_help_directory, name="office-help"),
    path("help/", search_views.help_directory, name="help"),
    path("knowledge/", search_views.knowledge_list, name="knowledge"),
    path("knowledge/<uuid:public_id>/", search_views.knowledge_article, name="knowledge-article"),
    # The reporter's way back with the receipt code (conversation/views/reporter.py).
    path("receipt/", reporter_views.enter_code, name="return"),
    path("receipt/report/", reporter_views.reporter_case, name="reporter-case"),
    path("receipt/leave/", reporter_views.leave, name="reporter-leave"),
    # Booking a call-back or a meeting (likeverd/intake/booking), in this namespace.
    path("", include("likeverd.intake.booking.urls")),
    path("offices/<slug:code>/report/sent/<str:key>/", views.report_sent, name="report-sent"),
]
