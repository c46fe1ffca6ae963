"""`{% booking_url office case reference as url %}`: the address of an office's booking page,
carrying a signed reference to a report's case (made from `case`, or given as `reference`)."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from likeverd.accounts.models import Office
from likeverd.cases.models import Case
from likeverd.intake.booking.selectors import report_reference

register = template.Library()


@register.simple_tag
def booking_url(office: Office, case: Case | None = None, reference: str = "") -> str:
    url = reverse("intake:book", args=[office.code.lower()])
    if isinstance(case, Case):
        reference = report_reference(case)
    if reference and isinstance(reference, str):
        url += "?" + urlencode({"report": reference})
    return url
