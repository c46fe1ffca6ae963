from typing import Any

import factory
from django_otp.plugins.otp_totp.models import TOTPDevice

from likeverd.accounts.models import Jurisdiction, Membership, Office, User
from likeverd.accounts.roles import Role
from likeverd.accounts.viewer import Viewer, build_viewer


class OfficeFactory(factory.django.DjangoModelFactory[Office]):
    class Meta:
        model = Office

    name = factory.Sequence(lambda n: f"Office {n}")
    code = factory.Sequence(lambda n: "O" + "".join(chr(65 + int(d)) for d in f"{n:03d}"))
    jurisdiction = Jurisdiction.NORWAY
    municipalities = factory.LazyFunction(lambda: ["Oslo"])
    languages = factory.LazyFunction(lambda: ["nb", "en"])


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"staff{n}")
    first_name = factory.Sequence(lambda n: f"Staff{n}")
    last_name = "Member"
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery staple")

    @factory.post_generation
    def totp(obj: User, create: bool, extracted: Any, **kwargs: Any) -> None:  # noqa: N805
        if create:
            TOTPDevice.objects.create(user=obj, name="default", confirmed=True)
            obj.save()


class MembershipFactory(factory.django.DjangoModelFactory[Membership]):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    office = factory.SubFactory(OfficeFactory)
    role = Role.ADVISER


PASSWORD = "correct horse battery staple"


def make_staff(office: Office, *roles: Role, **user_fields: Any) -> User:
    """A person with a confirmed TOTP device and the given roles in `office`."""
    user: User = UserFactory.create(**user_fields)
    for role in roles or (Role.ADVISER,):
        Membership.objects.create(user=user, office=office, role=role)
    return user


def viewer_of(user: User, office: Office | None = None) -> Viewer:
    return build_viewer(user, office_public_id=str(office.public_id) if office else None)
