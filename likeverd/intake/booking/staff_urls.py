"""Staff screens for booking, at /<language>/staff/bookings/."""

from django.urls import URLPattern, path

from likeverd.intake.booking import staff_views

app_name = "booking_staff"
urlpatterns: list[URLPattern] = [
    path("", staff_views.day, name="day"),
    path("slots/new/", staff_views.add_slots, name="add-slots"),
    path("slots/<uuid:slot>/withdraw/", staff_views.withdraw, name="withdraw"),
    path("<uuid:booking>/cancel/", staff_views.cancel, name="cancel"),
]
