"""What the public form shows on the screens of `cases`, registered in IntakeConfig.ready()
through likeverd.cases.registry: a section of the case page with what a report from the public
form said beyond the case itself (read-only)."""

from likeverd.accounts.viewer import Viewer
from likeverd.cases import registry
from likeverd.cases.models import Case, Channel
from likeverd.intake import selectors


def web_report_section(viewer: Viewer, case: Case) -> dict[str, object] | None:
    """The section "From the public form" of a web case; its read is audited by the selector."""
    if case.channel != Channel.WEB:
        return None
    report = selectors.get_web_report(viewer=viewer, case=case)
    if report is None:
        return None
    return {"web_report": report}


def register() -> None:
    registry.register_case_section(
        "intake_web_report",
        template="intake/staff/web_report_section.html",
        context=web_report_section,
        order=20,
    )
