"""A demo web report with a receipt code and a short conversation, so the demo shows the way
back with the code alone: an anonymous report in Arabic about harassment on a tram, a reply from
an adviser and an answer from the reporter. Its code is made anew and printed once by `likeverd
demo` (the code is stored only as its hash, as for every report)."""

from likeverd.accounts.actors import ReporterActor
from likeverd.accounts.viewer import Viewer
from likeverd.cases.models import Channel
from likeverd.cases.services import CaseDetails, PersonDetails, open_case
from likeverd.intake import conversation
from likeverd.intake.receipts import issue_receipt

NARRATIVE = (
    "كنت في الترام رقم 17 صباح الاثنين. رجل صرخ في وجهي بسبب حجابي وقال لي أن أعود إلى بلدي. لم يساعدني أحد."
)
REPLY = (
    "شكراً لأنك كتبت لنا. ما حدث قد يكون تمييزاً ومضايقة. هل تريدين أن نتصل بك، "
    "أم تفضلين أن نكتب هنا؟ إذا كانت لديك صورة أو اسم شاهد، يمكنك إرسالها هنا."
)
ANSWER = "أفضل الكتابة هنا. أرسلت صورة من الترام."


def add_demo_web_report(*, adviser: Viewer, site_url: str) -> str:
    """The demo report in the adviser's office; returns its receipt code (shown once)."""
    office = adviser.office
    if office is None:
        raise ValueError("the demo adviser has no office")
    case = open_case(
        actor=ReporterActor("the public form", office),
        office=office,
        details=CaseDetails(channel=Channel.WEB, narrative=NARRATIVE, incident_municipality="Oslo"),
        person=PersonDetails(is_anonymous=True, language="ar"),
    )
    code = issue_receipt(case)
    conversation.reply_to_reporter(viewer=adviser, case=case, body=REPLY, site_url=site_url)
    conversation.write_to_office(case=case, body=ANSWER, upload=None, site_url=site_url)
    return code
