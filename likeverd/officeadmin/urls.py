from django.urls import URLPattern, path

from likeverd.officeadmin.views import categories, office, report_texts, staff

app_name = "officeadmin"
urlpatterns: list[URLPattern] = [
    path("", office.overview, name="overview"),
    path("details/", office.office_details, name="office_details"),
    path("staff/", staff.staff_list, name="staff_list"),
    path("staff/add/", staff.staff_add, name="staff_add"),
    path("staff/<uuid:public_id>/", staff.staff_detail, name="staff_detail"),
    path("staff/<uuid:public_id>/roles/grant/", staff.staff_grant_role, name="staff_grant_role"),
    path("staff/<uuid:public_id>/roles/revoke/", staff.staff_revoke_role, name="staff_revoke_role"),
    path("staff/<uuid:public_id>/deactivate/", staff.staff_deactivate, name="staff_deactivate"),
    path("staff/<uuid:public_id>/password/", staff.staff_reset_password, name="staff_reset_password"),
    path(
        "staff/<uuid:public_id>/invitation/",
        staff.staff_resend_invitation,
        name="staff_resend_invitation",
    ),
    path(
        "staff/<uuid:public_id>/authenticators/add/",
        staff.staff_add_authenticator,
        name="staff_add_authenticator",
    ),
    path(
        "staff/<uuid:public_id>/authenticators/reset/",
        staff.staff_reset_authenticators,
        name="staff_reset_authenticators",
    ),
    path("categories/", categories.category_list, name="category_list"),
    path("categories/add/", categories.category_add, name="category_add"),
    path("categories/<uuid:public_id>/", categories.category_edit, name="category_edit"),
    path("categories/<uuid:public_id>/retire/", categories.category_retire, name="category_retire"),
    path("categories/<uuid:public_id>/restore/", categories.category_restore, name="category_restore"),
    path("report-texts/", report_texts.report_text_list, name="report_text_list"),
    path("report-texts/<int:year>/<str:language>/", report_texts.report_text_edit, name="report_text_edit"),
]
