"""The staff side of the conversation with the reporter: a section of the case page (through
likeverd.cases.registry) and the reply form's view. HTTP only: reads and writes are in
likeverd/intake/conversation/services.py."""

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from likeverd.accounts.permissions import get_viewer, viewer_required
from likeverd.accounts.roles import Permission
from likeverd.accounts.viewer import Viewer
from likeverd.cases import registry
from likeverd.cases.access import can_edit
from likeverd.cases.models import Case
from likeverd.cases.selectors import get_case_for_change, read_with_case
from likeverd.cases.views.common import action_page, add_errors
from likeverd.core.once import posts_once
from likeverd.intake.conversation import services as conversation
from likeverd.intake.conversation.forms import StaffReplyForm
from likeverd.intake.models import Receipt

SECTION = "reporter_messages"
# The case page has other forms with a "body" field: the reply's ids are its own.
REPLY_IDS = "reporter_reply_%s"


def case_section(viewer: Viewer, case: Case) -> dict[str, object] | None:
    """The conversation on the case page (the case page has already checked the viewer may read
    it); the read of the messages is audited by conversation.staff_conversation. The receipt is
    read with the case (the relation is declared in register), so whether there is one asks nothing."""
    if read_with_case(viewer, case, "receipt"):
        has_receipt = hasattr(case, "receipt")
    else:
        has_receipt = Receipt.objects.filter(case=case).exists()
    shown = conversation.staff_conversation(viewer=viewer, case=case) if has_receipt else []
    return {
        "reporter_messages": shown,
        "reporter_has_receipt": has_receipt,
        "reporter_reply_form": StaffReplyForm(auto_id=REPLY_IDS)
        if has_receipt and can_edit(viewer, case)
        else None,
    }


@require_http_methods(["GET", "POST"])
@viewer_required(Permission.EDIT_CASE)
@posts_once
def reply(request: HttpRequest, public_id: UUID) -> HttpResponse:
    viewer = get_viewer(request)
    case = get_case_for_change(viewer=viewer, public_id=str(public_id))  # 404 + denied row elsewhere
    form = StaffReplyForm(request.POST or None, auto_id=REPLY_IDS)
    if request.method == "POST" and form.is_valid():
        try:
            conversation.reply_to_reporter(
                viewer=viewer,
                case=case,
                body=form.cleaned_data["body"],
                site_url=request.build_absolute_uri("/"),
            )
        except ValidationError as error:
            add_errors(form, error, {"empty": "body"})
        else:
            messages.success(request, _("Your reply is waiting for the reporter."))
            return redirect(
                reverse("cases:case_detail", kwargs={"public_id": case.public_id}) + "#reporter-messages"
            )
    return action_page(
        request,
        case,
        form,
        title=_("Reply to the reporter"),
        action="intake_conversation:reply",
        submit=_("Send reply"),
    )


def register() -> None:
    """Called from IntakeConfig.ready()."""
    registry.register_event_kind(
        conversation.FROM_REPORTER_KIND,
        label=gettext_lazy("Message from the reporter"),
        template="intake/events/reporter_message.html",
    )
    registry.register_event_kind(
        conversation.TO_REPORTER_KIND,
        label=gettext_lazy("Reply to the reporter"),
        template="intake/events/reply_to_reporter.html",
    )
    registry.register_case_section(
        SECTION,
        template="intake/staff/case_messages.html",
        context=case_section,
        order=30,
        related=("receipt",),
    )
