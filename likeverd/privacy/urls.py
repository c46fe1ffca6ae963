from django.urls import path

from likeverd.privacy import views

app_name = "privacy"
urlpatterns = [
    path("cases/<uuid:public_id>/export.json", views.case_export, name="case_export"),
    path("audit-log/", views.office_audit_log, name="office_audit_log"),
]
