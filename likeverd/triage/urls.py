from django.urls import path

from likeverd.triage import views

app_name = "triage"
urlpatterns = [
    path("deadlines/", views.deadlines, name="deadlines"),
    path("cases/<uuid:public_id>/sorting/", views.conversation, name="conversation"),
    path("cases/<uuid:public_id>/assessment/", views.assessment, name="assessment"),
    path(
        "cases/<uuid:public_id>/assessment/steps/<str:step>/", views.assessment_step, name="assessment_step"
    ),
    path(
        "cases/<uuid:public_id>/assessment/decision/", views.assessment_decision, name="assessment_decision"
    ),
]
