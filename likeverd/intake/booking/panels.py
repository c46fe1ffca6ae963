"""The bookings section of the case page (registered with likeverd.cases.registry): the
bookings made from the case's report, for a viewer who may read the case. Reading them is
audited as one read of the case's bookings (their number)."""

from likeverd.accounts.actors import StaffActor
from likeverd.accounts.viewer import Viewer
from likeverd.audit.models import AuditAction
from likeverd.audit.services import record_event
from likeverd.cases import registry
from likeverd.cases.models import Case, Channel
from likeverd.intake.booking.selectors import list_bookings_for_case, office_zone


def case_section(viewer: Viewer, case: Case) -> dict[str, object] | None:
    # Bookings are filed on a case only from its web report's confirmation page: other cases
    # cost the case page no query.
    if case.channel != Channel.WEB:
        return None
    bookings = list_bookings_for_case(viewer, case)
    if not bookings:
        return None
    record_event(
        actor=StaffActor.of(viewer),
        office=viewer.office,
        action=AuditAction.VIEW,
        target=case,
        detail={"section": "bookings", "bookings": len(bookings)},
    )
    return {"bookings": bookings, "booking_time_zone": office_zone(case.office).key}


def register() -> None:
    registry.register_case_section(
        "bookings", template="intake/booking/case_section.html", context=case_section, order=60
    )
