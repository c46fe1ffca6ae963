"""Who acts: a staff member, a reporter (through the public form) or the system (a job, an import).

Services that anyone but staff may trigger take an `Actor`; the audit log and the timeline
store its kind and label, so they say "the public form" or "the rotation job", never nobody.
Staff services keep their `viewer: Viewer` argument and act as `StaffActor.of(viewer)`.

A staff actor is the person (their account), not the office they look at: the office of an
event is given separately (`record_event(office=...)`), and logging in or out has a person
before it has an office.
"""

from dataclasses import dataclass

from likeverd.accounts.models import Office, User
from likeverd.accounts.viewer import Viewer
from likeverd.audit.actors import ActorKind


@dataclass(frozen=True)
class StaffActor:
    """A logged-in member of staff."""

    user: User

    @classmethod
    def of(cls, viewer: Viewer) -> "StaffActor":
        return cls(viewer.user)

    @property
    def kind(self) -> ActorKind:
        return ActorKind.STAFF

    @property
    def label(self) -> str:
        return self.user.get_username()


@dataclass(frozen=True)
class ReporterActor:
    """Someone outside the office, e.g. `ReporterActor("the public form", office)`; never named
    here (the label is the channel, the person is a party of the case)."""

    label: str
    office: Office

    @property
    def kind(self) -> ActorKind:
        return ActorKind.REPORTER

    @property
    def user(self) -> None:
        return None


@dataclass(frozen=True)
class SystemActor:
    """The system itself, e.g. `SystemActor("the import of file X")`, `SystemActor("the rotation job")`."""

    label: str

    @property
    def kind(self) -> ActorKind:
        return ActorKind.SYSTEM

    @property
    def user(self) -> None:
        return None


type Actor = StaffActor | ReporterActor | SystemActor

# An attempt at the login form by someone not (yet) known: the form is the actor of record.
LOGIN_FORM = SystemActor("the login form")
