"""The public booking pages: an office's free slots, the short form for one, and the person's own
page for their booking (reached through the link with its token), where they can cancel. HTTP
only: reads from selectors, writes through services. Every page works without JavaScript."""

import uuid
from itertools import groupby

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from likeverd.accounts.models import Office
from likeverd.core.once import posts_once
from likeverd.core.proxy import client_address
from likeverd.intake import services as intake_services
from likeverd.intake.booking import selectors, services
from likeverd.intake.booking.forms import BookingForm
from likeverd.intake.booking.models import Slot, SlotKind


def _office_or_404(code: str) -> Office:
    office = Office.objects.filter(is_active=True, code=code.upper()).first()
    if office is None:
        raise Http404
    return office


def _language() -> str:
    return translation.get_language() or settings.LANGUAGE_CODE


def _site_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/")


def _days(office: Office, slots: list[Slot]) -> list[tuple[object, list[Slot]]]:
    zone = selectors.office_zone(office)
    with timezone.override(zone):
        return [
            (day, list(group))
            for day, group in groupby(slots, key=lambda s: timezone.localtime(s.starts_at).date())
        ]


def _slot_list(
    request: HttpRequest, office: Office, *, status: int = 200, taken: bool = False
) -> HttpResponse:
    kind = request.GET.get("kind", "")
    if kind not in SlotKind.values:
        kind = ""
    report = request.GET.get("report", "")
    slots = selectors.list_free_slots(office, kind=kind)
    context = {
        "office": office,
        "days": _days(office, slots),
        "kind": kind,
        "kinds": SlotKind.choices,
        "report": report,
        "report_query": urlencode({"report": report}) if report else "",
        "taken": taken,
        "time_zone": selectors.office_zone(office).key,
    }
    return render(request, "intake/booking/slots.html", context, status=status)


@never_cache
@require_http_methods(["GET"])
def book_start(request: HttpRequest, code: str) -> HttpResponse:
    """The office's free call-back and meeting times, day by day."""
    return _slot_list(request, _office_or_404(code))


@never_cache
@require_http_methods(["GET", "POST"])
@posts_once
def book_slot(request: HttpRequest, code: str, slot: uuid.UUID) -> HttpResponse:
    """The short form for one free slot; a slot taken meanwhile shows the others with a clear message."""
    office = _office_or_404(code)
    report = request.POST.get("report", "") if request.method == "POST" else request.GET.get("report", "")
    chosen = selectors.get_free_slot(office, str(slot))
    if chosen is None:
        messages.warning(request, _("Someone else has just booked that time. Please choose another."))
        return _slot_list(request, office, status=409, taken=True)
    form = BookingForm(request.POST if request.method == "POST" else None, language=_language())
    status = 200
    if form.is_valid():
        case = selectors.case_for_reference(report, office=office)
        try:
            intake_services.count_submission(client_address(request), intake_services.Counted.BOOKING)
            booked = services.book_slot(
                office=office,
                slot_public_id=str(slot),
                details=form.details(),
                case=case,
                site_url=_site_url(request),
            )
        except intake_services.RateLimitedError:
            form.add_error(None, BOOKINGS_LIMITED)
            status = 429
        except services.SlotTakenError:
            messages.warning(request, _("Someone else has just booked that time. Please choose another."))
            return _slot_list(request, office, status=409, taken=True)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("intake:booking", token=booked.token)
    context = {
        "office": office,
        "slot": chosen,
        "form": form,
        "report": report,
        "time_zone": selectors.office_zone(office).key,
    }
    return render(request, "intake/booking/form.html", context, status=status)


BOOKINGS_LIMITED = gettext_lazy(
    "Many times have been booked from your internet connection in the last hour, so we cannot take "
    "another booking just now. Nothing you wrote is lost: wait an hour and try again, or call the office."
)


@never_cache
@require_http_methods(["GET", "POST"])
@posts_once
def booking_page(request: HttpRequest, token: str) -> HttpResponse:
    """The person's own booking, from the link they got: when, where, and a button to cancel."""
    booking = selectors.get_booking_by_token(token)
    if booking is None:
        raise Http404
    if request.method == "POST":
        try:
            services.cancel_booking_by_person(token=token, site_url=_site_url(request))
        except services.BookingNotLiveError:
            pass  # cancelled already: the page says so
        else:
            messages.success(request, _("Your booking is cancelled. You are welcome to book another time."))
        return redirect(reverse("intake:booking", args=[token]))
    context = {
        "booking": booking,
        "office": booking.office,
        "slot": booking.slot,
        "time_zone": selectors.office_zone(booking.office).key,
    }
    response = render(request, "intake/booking/booking.html", context)
    # The address holds the token: never send it on to another site.
    response["Referrer-Policy"] = "no-referrer"
    return response
