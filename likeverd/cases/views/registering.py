"""Registering a contact: a call, an e-mail, a visit, written down as a new case."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.cases import services
from likeverd.cases.access import may_read_case
from likeverd.cases.forms import RegisterCallForm
from likeverd.cases.views.common import add_errors, to_case
from likeverd.core.once import posts_once


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.REGISTER_CASE)
@posts_once
def register_call(request: HttpRequest) -> HttpResponse:
    viewer = get_viewer(request)
    form = RegisterCallForm(request.POST or None, viewer=viewer)
    if request.method == "POST" and form.is_valid():
        try:
            case = services.register_case(
                viewer=viewer,
                details=form.to_details(),
                person=form.to_person(),
                assign_to=viewer.user if form.cleaned_data.get("assign_to_me") else None,
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Registered %(number)s") % {"number": case.number})
            # A coordinator registers calls for the advisers but does not see cases.
            if may_read_case(viewer, case):
                return to_case(case)
            return redirect("cases:dashboard")
    return render(request, "cases/register_call.html", {"form": form})
