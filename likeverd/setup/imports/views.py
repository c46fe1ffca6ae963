"""The import screen for the office administrator and the coordinator: upload a spreadsheet,
see the dry run (every problem, every unrecognised value), choose what the values are, import.

The file is read in memory (`InMemoryUpload`: never a temporary file on disk) and kept between
the steps encrypted in the database (`PendingUpload`), deleted when imported or discarded.
Every POST posts once (`posts_once`), and each step's form carries the version of the upload it
was made for: a form from an earlier step (another tab, the back button) is refused as stale.
"""

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import MemoryFileUploadHandler, SkipFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.core.once import posts_once
from likeverd.setup.imports import selectors, services
from likeverd.setup.imports.forms import MappingForm, StepForm, UploadForm
from likeverd.setup.imports.reading import MAX_BYTES, SheetError

IMPORT = Permission.IMPORT_CASES
# Problems shown on the page (the command line lists them all).
SHOWN_PROBLEMS = 500


class InMemoryUpload(MemoryFileUploadHandler):
    """Keeps an upload in memory up to the import's limit, whatever FILE_UPLOAD_MAX_MEMORY_SIZE
    says, so a spreadsheet of cases never lies on disk unencrypted; a larger one is skipped
    and `too_large` set."""

    too_large = False

    def handle_raw_input(self, *args: Any, **kwargs: Any) -> None:
        self.activated = True

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        if start + len(raw_data) > MAX_BYTES:
            self.too_large = True
            raise SkipFile
        return super().receive_data_chunk(raw_data, start)


@never_cache
@csrf_exempt  # the upload handler is set first; the check follows in _upload (csrf_protect)
@require_http_methods(["GET", "POST"])
@viewer_required(IMPORT)
def upload(request: HttpRequest) -> HttpResponse:
    handler = InMemoryUpload(request)
    request.upload_handlers = [handler]
    return _upload(request, handler)


@csrf_protect
@posts_once
def _upload(request: HttpRequest, handler: InMemoryUpload) -> HttpResponse:
    viewer = get_viewer(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST":
        if handler.too_large:
            form = UploadForm(request.POST, MultiValueDict())
            form.is_valid()  # "required": the skipped file is not there; the reason replaces it
            form.errors["file"] = form.error_class(
                [_("The file is too large. The limit is 5 MB: split it into several files.")]
            )
        elif form.is_valid():
            file = form.cleaned_data["file"]
            try:
                pending = services.keep_upload(viewer=viewer, file_name=file.name or "", data=file.read())
            except SheetError as error:
                for message in error.messages:
                    form.add_error("file", message)
            else:
                return redirect("imports:review", public_id=pending.public_id)
    context = {"form": form, "runs": selectors.recent_runs(viewer=viewer), "max_bytes": MAX_BYTES}
    return render(request, "setup/imports/upload.html", context)


@never_cache
@require_GET
@viewer_required(IMPORT)
def review(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    pending = selectors.get_upload(viewer=viewer, public_id=str(public_id))
    return _review_page(request, pending)


def _review_page(
    request: HttpRequest, pending: Any, *, mapping_form: MappingForm | None = None, status: int = 200
) -> HttpResponse:
    viewer = get_viewer(request)
    review = selectors.review_upload(viewer=viewer, upload=pending)
    plan = review.plan
    if mapping_form is None:
        mapping_form = MappingForm(
            initial={"version": pending.version}, unrecognised=plan.unrecognised, vocabulary=review.vocabulary
        )
    context = {
        "pending": pending,
        "sheet": review.sheet,
        "plan": plan,
        "problems": plan.problems[:SHOWN_PROBLEMS],
        "more_problems": max(0, len(plan.problems) - SHOWN_PROBLEMS),
        "mapping_form": mapping_form,
        "step_form": StepForm(initial={"version": pending.version}),
    }
    return render(request, "setup/imports/review.html", context, status=status)


def _stale(request: HttpRequest, pending: Any) -> HttpResponse:
    messages.warning(
        request,
        _(
            "This form was made for an earlier step of the import. Look at the page as it is "
            "now and choose again."
        ),
    )
    return redirect("imports:review", public_id=pending.public_id)


@require_POST
@viewer_required(IMPORT)
@posts_once
def save_mapping(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    pending = selectors.get_upload(viewer=viewer, public_id=str(public_id))
    review = selectors.review_upload(viewer=viewer, upload=pending)
    form = MappingForm(request.POST, unrecognised=review.plan.unrecognised, vocabulary=review.vocabulary)
    if not form.is_valid():
        return _stale(request, pending)
    try:
        services.save_mapping(
            viewer=viewer, upload=pending, version=form.cleaned_data["version"], mapping=form.to_mapping()
        )
    except ValidationError as error:
        if error.code == "stale":
            return _stale(request, pending)
        raise
    messages.success(request, _("Saved your choices. The dry run below uses them."))
    return redirect("imports:review", public_id=pending.public_id)


@require_POST
@viewer_required(IMPORT)
@posts_once
def run(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    pending = selectors.get_upload(viewer=viewer, public_id=str(public_id))
    form = StepForm(request.POST)
    if not form.is_valid():
        return _stale(request, pending)
    try:
        result = services.import_upload(viewer=viewer, upload=pending, version=form.cleaned_data["version"])
    except services.ImportRefusedError as refused:
        messages.error(request, " ".join(refused.messages))
        return redirect("imports:review", public_id=pending.public_id)
    except ValidationError as error:
        if error.code == "stale":
            return _stale(request, pending)
        raise
    return redirect("imports:done", public_id=result.run.public_id)


@require_POST
@viewer_required(IMPORT)
@posts_once
def discard(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    pending = selectors.get_upload(viewer=viewer, public_id=str(public_id))
    services.discard_upload(viewer=viewer, upload=pending)
    messages.info(request, _("The file was removed. Nothing was imported."))
    return redirect("imports:upload")


@never_cache
@require_GET
@viewer_required(IMPORT)
def done(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    run_ = selectors.get_run(viewer=viewer, public_id=str(public_id))
    return render(request, "setup/imports/done.html", {"run": run_})
