from django.urls import path

from likeverd.mediation import views

app_name = "mediation"
urlpatterns = [
    path("", views.workbench, name="workbench"),
    path("cases/<uuid:public_id>/refer/", views.refer, name="refer"),
    path("<uuid:public_id>/", views.referral_page, name="referral"),
    path("<uuid:public_id>/close/", views.close, name="close"),
    path("<uuid:public_id>/mediator/", views.change_mediator, name="change_mediator"),
    path("<uuid:public_id>/withdraw-referral/", views.withdraw_referral, name="withdraw_referral"),
    path("<uuid:public_id>/take/", views.take, name="take"),
    path("<uuid:public_id>/return/", views.hand_back, name="return"),
    path("<uuid:public_id>/counterpart/", views.bench_counterpart, name="counterpart"),
    path("<uuid:public_id>/consent/", views.bench_consent, name="consent"),
    path("<uuid:public_id>/withdraw/", views.bench_withdraw, name="withdraw"),
    path("<uuid:public_id>/talks/", views.bench_talk, name="talk"),
    path("<uuid:public_id>/notes/", views.bench_note, name="note"),
    path("<uuid:public_id>/meetings/", views.bench_meeting, name="meeting"),
    path("<uuid:public_id>/outcome/", views.bench_outcome, name="outcome"),
    path("<uuid:public_id>/follow-up/", views.bench_follow, name="follow_up"),
    path("<uuid:public_id>/agreement/", views.bench_agreement, name="agreement"),
    path("<uuid:public_id>/agreement.pdf", views.agreement_pdf, name="agreement_pdf"),
    path("<uuid:public_id>/agreement/signed/", views.bench_signed, name="signed"),
    path("<uuid:public_id>/agreement/signed/download/", views.signed_download, name="signed_download"),
    path("meetings/<uuid:public_id>/change/", views.meeting_change, name="meeting_change"),
    path("meetings/<uuid:public_id>/cancel/", views.meeting_cancel, name="meeting_cancel"),
    path("meetings/<uuid:public_id>/held/", views.meeting_held, name="meeting_held"),
]
