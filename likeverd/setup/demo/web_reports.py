"""Two reports from the public form for the Oslo demo office, sent through the form's own
service: an anonymous report written in Arabic (in the new cases) and one a robot sent with
the honeypot filled in (in the case list's "Suspected spam" folder)."""

from likeverd.accounts.models import Office
from likeverd.cases.dates import parse_incident_date
from likeverd.core import clock
from likeverd.intake.models import ReporterKind
from likeverd.intake.services import ReportInput, submit_report
from likeverd.taxonomy.models import TermKind
from likeverd.taxonomy.selectors import list_terms

ARABIC_REPORT = (
    "كنت في الترام في طريقي إلى العمل. صرخ رجل في وجهي بسبب حجابي وقال لي أن أعود إلى بلدي. "
    "لم يتدخل أحد. أريد أن أعرف ما الذي يمكنني فعله."
)
SPAM_REPORT = "Cheap watches and pills, best prices, visit our shop today"


def add_web_reports(office: Office, *, inbox_url: str) -> int:
    """Send the two demo reports to `office`; returns how many cases they made."""
    grounds = [
        term
        for term in list_terms(jurisdiction=office.jurisdiction, kind=TermKind.GROUND)
        if term.code in {"RELIGION", "ETHNICITY", "SEX"}
    ]
    submit_report(
        office=office,
        report=ReportInput(
            narrative=ARABIC_REPORT,
            consent=True,
            form_language="ar",
            reporter_kind=ReporterKind.MYSELF,
            incident_date=parse_incident_date("last week", today=clock.today()),
            incident_municipality="Oslo",
            grounds=grounds,
            counterpart_kind="private_person",
            wishes=["advice"],
            is_anonymous=True,
            language="ar",
            needs_interpreter=True,
        ),
        inbox_url=inbox_url,
    )
    submit_report(
        office=office,
        report=ReportInput(narrative=SPAM_REPORT, consent=True, form_language="en", suspected_spam=True),
        inbox_url=inbox_url,
    )
    return 2
