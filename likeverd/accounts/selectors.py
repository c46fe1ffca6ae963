"""Reads about people and offices for the account screens: a person's own memberships and
authenticator devices. Office data of cases is never read here.
"""

from django.db.models import QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.models import Membership, User


def list_memberships_for_person(user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user, is_active=True, office__is_active=True)
        .select_related("office")
        .order_by("office__name", "role")
    )


def list_devices_for_person(user: User) -> QuerySet[TOTPDevice]:
    devices: QuerySet[TOTPDevice] = TOTPDevice.objects.filter(user=user, confirmed=True).order_by(
        "name", "pk"
    )
    return devices
