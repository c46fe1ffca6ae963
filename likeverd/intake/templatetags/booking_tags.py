"""`{% booking_url office case as url %}`: the address of an office's booking page, carrying a
signed reference to `case` (the report just made) when there is one."""

from urllib.parse import urlencode

from django import template
from django.urls import reverse

from likeverd.accounts.models import Office
from likeverd.cases.models import Case
from likeverd.intake.booking.selectors import report_reference

register = template.Library()


@register.simple_tag
def booking_url(office: Office, case: Case | None = None) -> str:
    url = reverse("intake:book", args=[office.code.lower()])
    if isinstance(case, Case):
        url += "?" + urlencode({"report": report_reference(case)})
    return url
