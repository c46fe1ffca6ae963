"""A service's refusal shown as the page's message, for the staff screens whose forms have no
field to put it next to (a button that retires, cancels, withdraws). Services refuse with a
translated `ValidationError`; the view runs the call and its success message inside
`refusal_as_message`, and goes on to its redirect either way."""

from types import TracebackType

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


class RefusalAsMessage:
    """A `with` block that, when a service in it refuses, skips the rest of the block and puts
    the refusal's messages as one error message on the next page. (A class rather than
    `contextlib.contextmanager`, so that type checkers know the block may be left early.)"""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request

    def __enter__(self) -> None:
        return None

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        if isinstance(error, ValidationError):
            messages.error(self.request, " ".join(error.messages))
            return True
        return False


def refusal_as_message(request: HttpRequest) -> RefusalAsMessage:
    return RefusalAsMessage(request)
