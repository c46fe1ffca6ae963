"""The office admin's screens for the public page, under /<language>/staff/public-page/."""

from django.urls import URLPattern, path

from likeverd.intake import staff_views

app_name = "intake_staff"
urlpatterns: list[URLPattern] = [
    path("", staff_views.page_text_list, name="page-texts"),
    path("<slug:language>/", staff_views.page_text_edit, name="page-text-edit"),
]
