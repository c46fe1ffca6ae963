"""The draft screens of a case: the list of drafts, writing a new version, one saved version."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.cases import selectors as case_selectors
from likeverd.cases.access import can_edit
from likeverd.core.once import posts_once
from likeverd.triage.drafts import selectors, services
from likeverd.triage.drafts.forms import LABELS, DraftForm
from likeverd.triage.drafts.models import DraftKind


def _kind(kind: str) -> DraftKind:
    if kind not in DraftKind.values:
        raise Http404
    return DraftKind(kind)


@require_GET
@viewer_required()
def case_drafts(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = case_selectors.get_case(viewer=viewer, public_id=str(public_id))
    return render(
        request,
        "triage/drafts/case_drafts.html",
        {
            "case": case,
            "versions": selectors.list_drafts(case=case),
            "kinds": DraftKind.choices,
            "can_edit": can_edit(viewer, case),
        },
    )


@require_GET
@viewer_required(Permission.EDIT_CASE)
def draft_start(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The kind chosen on the drafts page: a fresh draft from the case, with the person's
    details only when the adviser ticked the box."""
    kind = _kind(request.GET.get("kind", ""))
    person = "&person=1" if request.GET.get("person") == "1" else ""
    return redirect(reverse("drafts:edit", args=[public_id, kind.value]) + f"?start=case{person}")


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
@posts_once
def draft_edit(request: HttpRequest, public_id: UUID, kind: str) -> HttpResponse:
    viewer = get_viewer(request)
    draft_kind = _kind(kind)
    if request.method == "POST":
        case = case_selectors.get_case_for_change(viewer=viewer, public_id=str(public_id))
        form = DraftForm(request.POST)
        if form.is_valid():
            try:
                version = services.save_draft(viewer=viewer, case=case, kind=draft_kind, fields=form.texts())
            except ValidationError as error:
                for item in error.error_list:
                    form.add_error(None, item)
            else:
                messages.success(
                    request,
                    _("Version %(number)s of the draft is saved on the case.") % {"number": version.number},
                )
                return redirect("drafts:version", public_id=version.public_id)
        case_selectors.record_case_read(viewer=viewer, case=case, screen="draft_edit")
        latest = selectors.latest_draft(case=case, kind=draft_kind)
    else:
        case = case_selectors.get_case(viewer=viewer, public_id=str(public_id))
        latest = selectors.latest_draft(case=case, kind=draft_kind)
        if latest is not None and request.GET.get("start") != "case":
            # Editing goes on from the last saved version; "start again from the case" refills.
            initial = selectors.get_draft_version(viewer=viewer, public_id=str(latest.public_id)).fields
        else:
            initial = selectors.prefill_draft(
                viewer=viewer, case=case, kind=draft_kind, include_person=request.GET.get("person") == "1"
            )
        form = DraftForm(initial=initial)
    return render(
        request,
        "triage/drafts/draft_edit.html",
        {
            "case": case,
            "form": form,
            "kind": draft_kind,
            "latest": latest,
            "language": selectors.draft_language(case.office),
        },
    )


@require_GET
@viewer_required()
def draft_version(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    version = selectors.get_draft_version(viewer=viewer, public_id=str(public_id))
    return render(
        request,
        "triage/drafts/draft_version.html",
        {
            "case": version.case,
            "version": version,
            "parts": [(LABELS[name][0], value) for name, value in version.fields.items() if value],
            "can_edit": can_edit(viewer, version.case),
        },
    )
