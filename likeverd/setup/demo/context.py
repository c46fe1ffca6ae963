"""What building an office's demo data needs at hand, and the clock it travels back with."""

import contextlib
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from likeverd.accounts.models import Office, User
from likeverd.accounts.viewer import Viewer, build_viewer
from likeverd.setup.demo import people
from likeverd.taxonomy.models import ReportingCategory, Term


@contextlib.contextmanager
def at(moment: dt.datetime) -> Iterator[None]:
    """Run the services as if it were `moment`, so timestamps, audit and timeline are in the past."""
    try:
        import time_machine
    except ImportError:  # pragma: no cover - without it, history is recorded as of now
        yield
        return
    with time_machine.travel(moment, tick=False):
        yield


@dataclass
class OfficeContext:
    office: Office
    spec: people.OfficeSpec
    advisers: list[Viewer]
    mediator: Viewer
    coordinator: Viewer
    categories: list[ReportingCategory]
    terms: dict[tuple[str, str], Term]


def office_context(office: Office, spec: people.OfficeSpec, users: dict[str, User]) -> OfficeContext:
    def viewer(username: str) -> Viewer:
        return build_viewer(users[username], office_public_id=str(office.public_id))

    suffix = spec.code.lower().replace("osl", "oslo").replace("mal", "malmo")
    terms = {
        (term.kind, term.code): term
        for term in Term.objects.filter(jurisdiction=spec.jurisdiction, valid_to__isnull=True)
    }
    return OfficeContext(
        office=office,
        spec=spec,
        advisers=[viewer(f"adviser.{suffix}"), viewer(f"adviser2.{suffix}")],
        mediator=viewer(f"mediator.{suffix}"),
        coordinator=viewer(f"coordinator.{suffix}"),
        categories=list(ReportingCategory.objects.filter(office=office).prefetch_related("areas")),
        terms=terms,
    )
