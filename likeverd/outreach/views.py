"""Staff screens of outreach and finances under /<lang>/staff/outreach/: one page per section
(a list and the form to add), an edit page per row, the year's finance tables and a patrol's
witnessed cases. Server-rendered; every form posts once."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.core import clock
from likeverd.core.once import posts_once
from likeverd.outreach import forms, selectors, services
from likeverd.outreach.models import (
    CourseSession,
    CourseTemplate,
    Expense,
    Funder,
    Grant,
    MediaMention,
    OutreachEvent,
    Patrol,
)

MANAGE = Permission.MANAGE_OUTREACH


@dataclass(frozen=True)
class Kind:
    """One kind of row: its model, form, list and the columns the list shows."""

    model: type[Model]
    form: type[forms.OfficeForm]
    title: Promise
    add_label: Promise
    rows: Callable[[Viewer], QuerySet[Any]]
    columns: tuple[tuple[Promise, Callable[[Any], object]], ...]
    back: str  # the section page a saved row returns to


KINDS: dict[str, Kind] = {
    "courses": Kind(
        CourseSession,
        forms.CourseSessionForm,
        gettext_lazy("Courses"),
        gettext_lazy("Record a course held"),
        lambda viewer: selectors.course_sessions(viewer),
        (
            (gettext_lazy("Date"), lambda r: r.date),
            (gettext_lazy("Course"), lambda r: r.template.title),
            (gettext_lazy("Host organisation"), lambda r: r.host_organisation),
            (gettext_lazy("Participants"), lambda r: r.participants),
            (gettext_lazy("Instructors"), lambda r: r.instructors),
            (gettext_lazy("Paid"), lambda r: _("paid") if r.paid else _("volunteer")),
        ),
        "courses",
    ),
    "course-templates": Kind(
        CourseTemplate,
        forms.CourseTemplateForm,
        gettext_lazy("Courses offered"),
        gettext_lazy("Add a course"),
        lambda viewer: selectors.course_templates(viewer),
        (
            (gettext_lazy("Course"), lambda r: r.title),
            (gettext_lazy("Hours"), lambda r: r.hours),
            (gettext_lazy("Most participants"), lambda r: r.capacity),
            (gettext_lazy("Offered"), lambda r: _("yes") if r.is_active else _("no")),
        ),
        "courses",
    ),
    "events": Kind(
        OutreachEvent,
        forms.EventForm,
        gettext_lazy("Events and stands"),
        gettext_lazy("Record an event"),
        lambda viewer: selectors.events(viewer),
        (
            (gettext_lazy("Date"), lambda r: r.date),
            (gettext_lazy("Kind"), lambda r: r.get_kind_display()),
            (gettext_lazy("Name"), lambda r: r.title),
            (gettext_lazy("Place"), lambda r: r.place),
            (
                gettext_lazy("People reached"),
                lambda r: "—" if r.audience_reached is None else r.audience_reached,
            ),
        ),
        "events",
    ),
    "media": Kind(
        MediaMention,
        forms.MediaMentionForm,
        gettext_lazy("Media mentions"),
        gettext_lazy("Record a media mention"),
        lambda viewer: selectors.media_mentions(viewer),
        (
            (gettext_lazy("Date"), lambda r: r.date),
            (gettext_lazy("Outlet"), lambda r: r.outlet),
            (gettext_lazy("Headline"), lambda r: r.title),
        ),
        "media",
    ),
    "patrols": Kind(
        Patrol,
        forms.PatrolForm,
        gettext_lazy("Volunteer patrols"),
        gettext_lazy("Record a patrol"),
        lambda viewer: selectors.patrols(viewer),
        (
            (gettext_lazy("Date"), lambda r: r.date),
            (gettext_lazy("Venue"), lambda r: r.venue),
            (gettext_lazy("Volunteers"), lambda r: r.volunteers),
            (gettext_lazy("Cases registered"), lambda r: r.witnessed),
        ),
        "patrols",
    ),
    "grants": Kind(
        Grant,
        forms.GrantForm,
        gettext_lazy("Grants"),
        gettext_lazy("Add a grant"),
        lambda viewer: selectors.grants(viewer, year=clock.today().year),
        (),
        "finances",
    ),
    "expenses": Kind(
        Expense,
        forms.ExpenseForm,
        gettext_lazy("Expenses"),
        gettext_lazy("Add an expense"),
        lambda viewer: selectors.expenses(viewer, year=clock.today().year),
        (),
        "finances",
    ),
}
SECTIONS = ("courses", "events", "media", "patrols")


def _kind(slug: str) -> Kind:
    if slug not in KINDS:
        raise Http404
    return KINDS[slug]


def _fields(form: forms.OfficeForm, viewer: Viewer) -> dict[str, Any]:
    fields = {name: form.cleaned_data[name] for name in form._meta.fields or ()}
    if isinstance(form, forms.GrantForm):
        name = form.cleaned_data["funder_name"].strip()
        funder = selectors.funders(viewer).filter(name=name).first()
        fields["funder"] = funder or services.save_record(viewer, Funder(), fields={"name": name})
    return fields


def _save(request: HttpRequest, form: forms.OfficeForm, instance: Model) -> bool:
    """Save through the service; a refusal (capacity, a bad link) is shown on the form."""
    viewer = get_viewer(request)
    if not form.is_valid():
        return False
    try:
        with transaction.atomic():  # a new funder is kept only with its grant
            services.save_record(
                viewer, instance, fields=_fields(form, viewer), seen_updated_at=form.cleaned_data.get("seen")
            )
    except ValidationError as error:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            form.add_error(None, error)
        return False
    return True


def _year(request: HttpRequest) -> int:
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return clock.today().year
    return year if 2000 <= year <= 2100 else clock.today().year


@never_cache
@require_GET
@viewer_required(MANAGE)
def overview(request: HttpRequest) -> HttpResponse:
    return redirect("outreach:section", slug="courses")


@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required(MANAGE)
@posts_once
def section(request: HttpRequest, slug: str) -> HttpResponse:
    """A section's list and the form to add one more."""
    if slug not in SECTIONS:
        raise Http404
    kind = _kind(slug)
    viewer = get_viewer(request)
    form = kind.form(request.POST if request.method == "POST" else None, viewer=viewer)
    if request.method == "POST" and _save(request, form, kind.model()):
        messages.success(request, _("Saved."))
        return redirect("outreach:section", slug=slug)
    context: dict[str, Any] = {
        "slug": slug,
        "kind": kind,
        "form": form,
        "headers": [label for label, _value in kind.columns],
        "rows": [(row, [value(row) for _label, value in kind.columns]) for row in kind.rows(viewer)[:200]],
    }
    if slug == "courses":
        templates = KINDS["course-templates"]
        context["templates"] = [
            (row, [value(row) for _label, value in templates.columns]) for row in templates.rows(viewer)
        ]
        context["template_headers"] = [label for label, _value in templates.columns]
    return render(request, "outreach/section.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required(MANAGE)
@posts_once
def add(request: HttpRequest, slug: str) -> HttpResponse:
    """The form to add a row of a kind that has no list of its own (course offered, grant, expense)."""
    kind = _kind(slug)
    viewer = get_viewer(request)
    initial = {"year": _year(request)}
    form = kind.form(request.POST if request.method == "POST" else None, viewer=viewer, initial=initial)
    if request.method == "POST" and _save(request, form, kind.model()):
        messages.success(request, _("Saved."))
        return _back(kind, form)
    return render(request, "outreach/edit.html", {"kind": kind, "form": form, "row": None, "slug": slug})


@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required(MANAGE)
@posts_once
def edit(request: HttpRequest, slug: str, public_id: UUID) -> HttpResponse:
    kind = _kind(slug)
    viewer = get_viewer(request)
    row = selectors.get_for_office(viewer, kind.model, str(public_id))
    form = kind.form(request.POST if request.method == "POST" else None, viewer=viewer, instance=row)
    if request.method == "POST" and _save(request, form, row):
        messages.success(request, _("Saved."))
        return _back(kind, form)
    return render(request, "outreach/edit.html", {"kind": kind, "form": form, "row": row, "slug": slug})


def _back(kind: Kind, form: forms.OfficeForm) -> HttpResponse:
    return _back_to(kind, form.cleaned_data.get("year"))


def _back_to(kind: Kind, year: int | None) -> HttpResponse:
    if kind.back == "finances":
        return redirect(reverse("outreach:finances") + (f"?year={year}" if year else ""))
    return redirect("outreach:section", slug=kind.back)


@never_cache
@require_http_methods(["GET", "POST"])
@viewer_required(MANAGE)
@posts_once
def delete(request: HttpRequest, slug: str, public_id: UUID) -> HttpResponse:
    """The confirmation page of a delete, and the delete itself."""
    kind = _kind(slug)
    viewer = get_viewer(request)
    row = selectors.get_for_office(viewer, kind.model, str(public_id))
    form = forms.DeleteForm(request.POST if request.method == "POST" else None, row=row)
    if request.method == "POST" and form.is_valid():
        year = getattr(row, "year", None)
        try:
            services.delete_record(viewer, row, seen_updated_at=form.cleaned_data["seen"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Deleted."))
            return _back_to(kind, year)
    return render(
        request,
        "outreach/delete.html",
        {
            "kind": kind,
            "form": form,
            "row": row,
            "slug": slug,
            "summary": [(label, value(row)) for label, value in kind.columns],
        },
        status=400 if form.errors else 200,
    )


@never_cache
@require_GET
@viewer_required(MANAGE)
def patrol_detail(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    patrol = selectors.get_for_office(viewer, Patrol, str(public_id))
    return render(
        request,
        "outreach/patrol.html",
        {"patrol": patrol, "cases": patrol.cases.order_by("-received_at"), "form": forms.WitnessedForm()},
    )


@require_POST
@viewer_required(MANAGE)
@posts_once
def patrol_witnessed(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """Register what the patrol witnessed as a case with channel "volunteer patrol"."""
    viewer = get_viewer(request)
    patrol = selectors.get_for_office(viewer, Patrol, str(public_id))
    form = forms.WitnessedForm(request.POST)
    if form.is_valid():
        try:
            case = services.register_witnessed_case(
                viewer, patrol, narrative=form.cleaned_data["narrative"], place=form.cleaned_data["place"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Registered case %(number)s.") % {"number": case.number})
            return redirect("outreach:patrol", public_id=patrol.public_id)
    return render(
        request,
        "outreach/patrol.html",
        {"patrol": patrol, "cases": patrol.cases.order_by("-received_at"), "form": form},
    )


@never_cache
@require_GET
@viewer_required(MANAGE)
def finances(request: HttpRequest) -> HttpResponse:
    """The year's income table (by funder) and costs table (by kind), and its grants and expenses."""
    viewer = get_viewer(request)
    year = _year(request)
    today = clock.today()
    return render(
        request,
        "outreach/finances.html",
        {
            "year": year,
            "years": list(range(today.year, today.year - 6, -1)),
            "income": selectors.income_table(viewer, year=year),
            "costs": selectors.costs_table(viewer, year=year),
            "grants": selectors.grants(viewer, year=year),
            "expenses": selectors.expenses(viewer, year=year),
        },
    )
