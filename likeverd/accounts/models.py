"""Offices, the people who work in them, and their roles per office."""

import uuid

from django.contrib.auth.models import AbstractUser
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.roles import Role
from likeverd.core.models import PublicModel


class Jurisdiction(models.TextChoices):
    NORWAY = "NO", _("Norway")
    SWEDEN = "SE", _("Sweden")


class Office(PublicModel):
    name = models.CharField(_("name"), max_length=200)
    code = models.CharField(
        _("short code"),
        max_length=6,
        unique=True,
        validators=[RegexValidator(r"^[A-Z]{2,6}$", _("Two to six capital letters, A to Z."))],
        help_text=_("Used in case numbers, for example OSL in OSL-2026-0042."),
    )
    jurisdiction = models.CharField(_("jurisdiction"), max_length=2, choices=Jurisdiction.choices)
    municipalities = models.JSONField(_("municipalities served"), default=list, blank=True)
    phone = models.CharField(_("public phone"), max_length=40, blank=True)
    email = models.EmailField(_("public e-mail"), blank=True)
    address = models.TextField(_("address"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    languages = models.JSONField(_("languages offered"), default=list, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("office")
        verbose_name_plural = _("offices")

    def __str__(self) -> str:
        return self.name


class User(AbstractUser):
    """A member of staff. The people who report are never users: they are case parties."""

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    preferred_language = models.CharField(_("preferred language"), max_length=8, blank=True)
    # Set when someone else chose the password (an administrator made or reset it): the person
    # chooses their own at their next login before any other staff page opens.
    must_change_password = models.BooleanField(_("must choose a new password"), default=False)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "office", "role"], name="one_role_once_per_office")
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.office.code} · {self.get_role_display()}"


class Invitation(models.Model):
    """An e-mail to a new member of staff with a one-time link: they choose their own password and
    set up their authenticator, and are logged in to the office.

    The link's secret is derived from `public_id` with SECRET_KEY (selectors.invitation_token),
    so no secret is stored: neither here nor in the task queue, which keeps only the row's id.
    Whether the link still works is this row's state: open until `expires_at`, and closed for
    good once accepted or replaced by a newer invitation (an administrator sending it again).
    """

    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="invitations")
    office = models.ForeignKey(Office, on_delete=models.CASCADE, related_name="invitations")
    invited_by = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, related_name="+")
    sent_at = models.DateTimeField(_("sent"))
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    replaced_at = models.DateTimeField(_("replaced"), null=True, blank=True)

    class Meta:
        ordering = ["-sent_at", "-id"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["office", "person"], name="invitation_office_person")]

    def __str__(self) -> str:
        return f"{self.person} · {self.office.code}"
