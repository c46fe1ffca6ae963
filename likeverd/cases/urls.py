from django.urls import path

from likeverd.cases import views

app_name = "cases"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("cases/", views.case_list, name="case_list"),
    path("cases/export.csv", views.case_list_export, name="case_list_export"),
    path("cases/register/", views.register_call, name="register_call"),
    path("cases/<uuid:public_id>/", views.case_detail, name="case_detail"),
    path("cases/<uuid:public_id>/edit/", views.case_edit, name="case_edit"),
    path("cases/<uuid:public_id>/classify/", views.case_classify, name="case_classify"),
    path("cases/<uuid:public_id>/assign/", views.case_assign, name="case_assign"),
    path("cases/<uuid:public_id>/status/", views.case_status, name="case_status"),
    path("cases/<uuid:public_id>/entries/add/", views.case_add_entry, name="case_add_entry"),
    path("cases/<uuid:public_id>/tasks/add/", views.case_add_task, name="case_add_task"),
    path("cases/<uuid:public_id>/documents/add/", views.case_upload, name="case_upload"),
    path("cases/<uuid:public_id>/parties/add/", views.case_add_party, name="case_add_party"),
    path("cases/<uuid:public_id>/not-spam/", views.case_not_spam, name="case_not_spam"),
    path("cases/<uuid:public_id>/access-history/", views.case_access_history, name="case_access_history"),
    path("tasks/<uuid:public_id>/done/", views.task_done, name="task_done"),
    path("documents/<uuid:public_id>/download/", views.document_download, name="document_download"),
]
