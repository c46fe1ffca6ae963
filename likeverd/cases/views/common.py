"""What the case screens share: refusing non-readers, showing a service's refusal on its form,
going back to the case, and the page of a small action on a case."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from likeverd.accounts.viewer import Viewer
from likeverd.cases.access import may_read_cases
from likeverd.cases.models import Case


def require_case_reader(viewer: Viewer) -> None:
    if not may_read_cases(viewer):
        raise PermissionDenied(_("You do not have permission to do this."))


def add_errors(form: Form, error: ValidationError, fields_by_code: dict[str, str] | None = None) -> None:
    """Put a service's refusal next to the field it is about, or at the top of the form."""
    fields_by_code = fields_by_code or {}
    for item in error.error_list:
        form.add_error(fields_by_code.get(item.code or "", None), item)


def to_case(case: Case) -> HttpResponse:
    return redirect("cases:case_detail", public_id=case.public_id)


def action_page(
    request: HttpRequest,
    case: Case,
    form: Form,
    *,
    title: str,
    action: str,
    submit: str,
    multipart: bool = False,
    template: str = "cases/case_action.html",
    **extra: Any,
) -> HttpResponse:
    return render(
        request,
        template,
        {
            "case": case,
            "form": form,
            "title": title,
            "action": action,
            "submit": submit,
            "multipart": multipart,
            **extra,
        },
    )
