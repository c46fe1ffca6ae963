"""What the audit log needs to know about whoever acted: the kind of actor and a label.

The actors themselves (a staff member, a reporter, a system job) are built in
`likeverd.accounts.actors`, above this layer; the log takes anything of this shape.
"""

from typing import Protocol

from django.contrib.auth.models import AbstractBaseUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActorKind(models.TextChoices):
    STAFF = "staff", _("staff member")
    REPORTER = "reporter", _("reporter")
    SYSTEM = "system", _("system")


class AuditedActor(Protocol):
    """Who acted: `label` is what the log shows ("the public form", "the rotation job", or a
    staff member's user name); `user` is the staff member's account, None for the others."""

    @property
    def kind(self) -> ActorKind: ...

    @property
    def label(self) -> str: ...

    @property
    def user(self) -> AbstractBaseUser | None: ...


class AuditedOffice(Protocol):
    """The office an event belongs to (accounts.Office; audit sits below accounts)."""

    @property
    def pk(self) -> int: ...
