"""What the bench's screens share: a service's refusal shown on its form, and the way back to the
bench page after a change."""

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpResponse
from django.shortcuts import redirect

from likeverd.mediation.models import BenchReferral


def add_errors(form: Form, error: ValidationError) -> None:
    for item in error.error_list:
        field = item.code if item.code in form.fields else None
        form.add_error(field, item)


def back_to_referral(referral: BenchReferral) -> HttpResponse:
    """Back to the bench page; once the case is back with its adviser (which the mediator may no
    longer read), to the mediator's view."""
    referral.refresh_from_db(fields=["stage"])
    if not referral.is_open:
        return redirect("mediation:workbench")
    return redirect("mediation:referral", public_id=referral.public_id)
