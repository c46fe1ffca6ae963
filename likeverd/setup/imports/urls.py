"""The import screen, at /<lang>/staff/office/import/ (config.urls mounts it)."""

from django.urls import URLPattern, path

from likeverd.setup.imports import views

app_name = "imports"
urlpatterns: list[URLPattern] = [
    path("", views.upload, name="upload"),
    path("<uuid:public_id>/", views.review, name="review"),
    path("<uuid:public_id>/mapping/", views.save_mapping, name="mapping"),
    path("<uuid:public_id>/import/", views.run, name="run"),
    path("<uuid:public_id>/discard/", views.discard, name="discard"),
    path("done/<uuid:public_id>/", views.done, name="done"),
]
