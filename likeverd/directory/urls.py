from django.urls import path

from likeverd.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.directory_search, name="directory_search"),
    path("services/<uuid:public_id>/", views.service_detail, name="service_detail"),
    path("office/", views.office_services, name="office_services"),
    path("office/services/add/", views.service_create, name="service_create"),
    path("office/services/<uuid:public_id>/edit/", views.service_edit, name="service_edit"),
    path("office/organizations/add/", views.organization_create, name="organization_create"),
]
