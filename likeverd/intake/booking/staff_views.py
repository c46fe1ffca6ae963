"""Staff screens for booking, under /<language>/staff/bookings/: the day's slots and bookings of the
viewer's office, a series of new slots, withdrawing a free slot and cancelling a booking.
HTTP only: reads from selectors (audited there), writes through services (audited there)."""

import uuid

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.core import clock
from likeverd.core.once import posts_once
from likeverd.core.refusals import refusal_as_message
from likeverd.intake.booking import selectors, services
from likeverd.intake.booking.forms import SlotSeriesForm, parse_day
from likeverd.intake.booking.services import BOOKING_PERMISSION


def _day_url(day: object) -> str:
    return reverse("booking_staff:day") + f"?day={day}"


@never_cache
@require_http_methods(["GET"])
@viewer_required(BOOKING_PERMISSION)
def day(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    if viewer.office is None:  # viewer_required with a permission implies an office
        raise Http404
    zone = selectors.office_zone(viewer.office)
    with timezone.override(zone):
        today = timezone.localtime(clock.now()).date()
    shown = parse_day(request.GET.get("day", ""), default=today)
    rows = selectors.list_day_for_staff(viewer, day=shown)
    context = {
        "office": viewer.office,
        "day": shown,
        "today": today,
        "previous": shown.fromordinal(shown.toordinal() - 1),
        "next": shown.fromordinal(shown.toordinal() + 1),
        "rows": rows,
        "time_zone": zone.key,
    }
    return render(request, "intake/booking/staff/day.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required(BOOKING_PERMISSION)
@posts_once
def add_slots(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    form = SlotSeriesForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            result = services.add_slot_series(viewer=viewer, series=form.series())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(
                request,
                _("%(created)d slots published (%(skipped)d were there already or have passed).")
                % {"created": result.created, "skipped": result.skipped},
            )
            return redirect(_day_url(form.cleaned_data["first_day"]))
    return render(request, "intake/booking/staff/add_slots.html", {"form": form, "office": viewer.office})


def _add_errors(form: SlotSeriesForm, error: ValidationError) -> None:
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.error_dict.items():
        form.add_error(field if field in form.fields else None, errors)


@require_http_methods(["POST"])
@viewer_required(BOOKING_PERMISSION)
@posts_once
def cancel(request: HttpRequest, booking: uuid.UUID) -> HttpResponse:
    viewer = get_viewer(request)
    found = selectors.get_booking_for_staff(viewer, str(booking))
    try:
        cancelled = services.cancel_booking_by_staff(
            viewer=viewer, booking=found, site_url=request.build_absolute_uri("/")
        )
    except services.BookingNotLiveError:
        messages.info(request, _("That booking was cancelled already."))
        return redirect(reverse("booking_staff:day"))
    messages.success(
        request, _("The booking is cancelled; the person is told if they gave an e-mail address.")
    )
    with timezone.override(selectors.office_zone(cancelled.office)):
        return redirect(_day_url(timezone.localtime(cancelled.slot.starts_at).date()))


@require_http_methods(["POST"])
@viewer_required(BOOKING_PERMISSION)
@posts_once
def withdraw(request: HttpRequest, slot: uuid.UUID) -> HttpResponse:
    viewer = get_viewer(request)
    found = selectors.get_slot_for_staff(viewer, str(slot))
    with refusal_as_message(request):
        withdrawn = services.withdraw_slot(viewer=viewer, slot=found)
        messages.success(request, _("The slot is no longer offered."))
        with timezone.override(selectors.office_zone(withdrawn.office)):
            return redirect(_day_url(timezone.localtime(withdrawn.starts_at).date()))
    return redirect(reverse("booking_staff:day"))
