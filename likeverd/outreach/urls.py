from django.urls import URLPattern, path

from likeverd.outreach import views

app_name = "outreach"
urlpatterns: list[URLPattern] = [
    path("", views.overview, name="overview"),
    path("finances/", views.finances, name="finances"),
    path("patrols/<uuid:public_id>/", views.patrol_detail, name="patrol"),
    path("patrols/<uuid:public_id>/witnessed/", views.patrol_witnessed, name="patrol_witnessed"),
    path("<slug:slug>/", views.section, name="section"),
    path("<slug:slug>/add/", views.add, name="add"),
    path("<slug:slug>/<uuid:public_id>/", views.edit, name="edit"),
    path("<slug:slug>/<uuid:public_id>/delete/", views.delete, name="delete"),
]
