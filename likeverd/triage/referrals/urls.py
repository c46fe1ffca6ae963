from django.urls import path

from likeverd.triage.referrals import views

app_name = "referrals"
urlpatterns = [
    path("cases/<uuid:public_id>/referrals/", views.case_referrals, name="case_referrals"),
    path("cases/<uuid:public_id>/referrals/suggest/", views.suggest_service, name="suggest_service"),
    path("referrals/<uuid:public_id>/", views.referral_detail, name="detail"),
    path("referrals/<uuid:public_id>/make/", views.referral_make, name="make"),
    path("referrals/<uuid:public_id>/status/", views.referral_status, name="status"),
]
