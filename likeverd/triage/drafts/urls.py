from django.urls import path

from likeverd.triage.drafts import views

app_name = "drafts"
urlpatterns = [
    path("cases/<uuid:public_id>/drafts/", views.case_drafts, name="case_drafts"),
    path("cases/<uuid:public_id>/drafts/new/", views.draft_start, name="start"),
    path("cases/<uuid:public_id>/drafts/<slug:kind>/", views.draft_edit, name="edit"),
    path("drafts/<uuid:public_id>/", views.draft_version, name="version"),
]
