from django.urls import URLPattern, path

from likeverd.accounts import views

app_name = "accounts"
urlpatterns: list[URLPattern] = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("office/", views.switch_office, name="switch_office"),
    path("me/", views.profile, name="profile"),
    path("me/language/", views.profile_language, name="profile_language"),
    path("me/password/", views.change_password, name="change_password"),
    path("welcome/<uuid:public_id>/<str:token>/", views.invitation, name="invitation"),
]
