"""The public booking pages, included into the `intake` namespace (likeverd/intake/urls.py)."""

from django.urls import URLPattern, path

from likeverd.intake.booking import views

urlpatterns: list[URLPattern] = [
    path("offices/<slug:code>/book/", views.book_start, name="book"),
    path("offices/<slug:code>/book/<uuid:slot>/", views.book_slot, name="book-slot"),
    path("booking/<str:token>/", views.booking_page, name="booking"),
]
