import factory

from likeverd.directory.models import (
    AreaKind,
    Language,
    Organization,
    Phone,
    Service,
    ServiceArea,
)


class OrganizationFactory(factory.django.DjangoModelFactory[Organization]):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Organisasjon {n}")
    description = "Hjelper folk."


class ServiceFactory(factory.django.DjangoModelFactory[Service]):
    class Meta:
        model = Service

    organization = factory.SubFactory(OrganizationFactory, office=factory.SelfAttribute("..office"))
    office = None
    name = factory.Sequence(lambda n: f"Tjeneste {n}")
    description = "Gir råd."


class PhoneFactory(factory.django.DjangoModelFactory[Phone]):
    class Meta:
        model = Phone

    number = "22 00 00 00"
    type = "voice"


class AreaFactory(factory.django.DjangoModelFactory[ServiceArea]):
    class Meta:
        model = ServiceArea

    kind = AreaKind.MUNICIPALITY
    country = "NO"
    name = "Oslo"


class LanguageFactory(factory.django.DjangoModelFactory[Language]):
    class Meta:
        model = Language

    code = "nb"
