"""The demo's way back with a receipt code: the anonymous Arabic report that web_reports sent
through the public form gets a receipt code, a reply from an adviser and an answer from the
reporter. The code is made anew and printed once by `likeverd demo` (it is stored only as its
hash, as for every report)."""

from likeverd.accounts.viewer import Viewer
from likeverd.cases.models import Case, Channel
from likeverd.intake import conversation
from likeverd.intake.receipts import issue_receipt

REPLY = (
    "شكراً لأنك كتبت لنا. ما حدث قد يكون تمييزاً ومضايقة. هل تريدين أن نتصل بك، "
    "أم تفضلين أن نكتب هنا؟ إذا كانت لديك صورة أو اسم شاهد، يمكنك إرسالها هنا."
)
ANSWER = "أفضل الكتابة هنا. كان ذلك في الترام رقم 17 صباح الاثنين."


def add_demo_conversation(*, adviser: Viewer, site_url: str) -> str:
    """A receipt code and a short conversation for the office's newest web report (not spam);
    returns the code (shown once). Call it outside any transaction."""
    case = (
        Case.objects.filter(office=adviser.office, channel=Channel.WEB, suspected_spam=False)
        .order_by("-id")
        .first()
    )
    if case is None:
        raise ValueError("the demo office has no web report")
    code = issue_receipt(case)
    conversation.reply_to_reporter(viewer=adviser, case=case, body=REPLY, site_url=site_url)
    conversation.write_to_office(case=case, body=ANSWER, upload=None, site_url=site_url)
    return code
