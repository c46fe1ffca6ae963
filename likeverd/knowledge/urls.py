from django.urls import path

from likeverd.knowledge import views

app_name = "knowledge"
urlpatterns = [
    path("", views.article_list, name="article_list"),
    path("new/", views.article_create, name="article_create"),
    path("<uuid:public_id>/", views.article_detail, name="article_detail"),
    path("<uuid:public_id>/edit/", views.article_edit, name="article_edit"),
    path("<uuid:public_id>/history/", views.article_history, name="article_history"),
]
