"""Public pages at /<language>/ (likeverd.intake); staff screens under /<language>/staff/."""

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
    path("staff/", home, name="home"),
    path("staff/", include("likeverd.cases.urls")),
    path("staff/", include("likeverd.privacy.urls")),
    path("staff/", include("likeverd.triage.urls")),
    path("staff/", include("likeverd.triage.drafts.urls")),
    path("staff/", include("likeverd.triage.referrals.urls")),
    path("staff/office/", include("likeverd.officeadmin.urls")),
    path("staff/account/", include("likeverd.accounts.urls")),
    path("staff/public-page/", include("likeverd.intake.staff_urls")),
    path("staff/reporter-messages/", include("likeverd.intake.conversation_urls")),
    path("staff/bookings/", include("likeverd.intake.booking.staff_urls")),
    path("staff/directory/", include("likeverd.directory.urls")),
    path("staff/knowledge/", include("likeverd.knowledge.urls")),
    path("staff/mediation/", include("likeverd.mediation.urls")),
    path("staff/outreach/", include("likeverd.outreach.urls")),
    path("staff/statistics/", include("likeverd.statistics.urls")),
    path("staff/admin/", admin.site.urls),
    path("", include("likeverd.intake.urls")),
    prefix_default_language=True,
)

# A public address that leads nowhere answers in the public layout and the visitor's language.
handler404 = "likeverd.intake.views.page_not_found"
