"""The help directory, modelled on the Open Referral Human Services Data Specification 3 (HSDS).

Every row's `public_id` is its HSDS `id`. Organizations, services and locations are either
network-wide (`office` empty: shared by every office of the network, loaded from the data file
or an HSDS import) or belong to one office (an office extends the directory with its own rows).
An office sees network rows and its own, never another office's (selectors.visible_to).
Phones, schedules, languages, service areas, addresses and service-at-location links belong to
their parent and share its owner.

HSDS 3 has no eligibility table: eligibility is the service's `eligibility_description`,
`minimum_age` and `maximum_age`, as in the specification. Needs are an HSDS taxonomy
(taxonomy_term linked to services by attributes); `is_urgent` is exported the same way.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from likeverd.core.models import PublicModel


class Need(PublicModel):
    """A need or problem a service helps with (housing, residence permit, hate crime, ...).

    Network-wide reference data from `data/needs.toml`; exported as an HSDS taxonomy term.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    label_nb = models.CharField(max_length=120)
    label_sv = models.CharField(max_length=120)
    label_en = models.CharField(max_length=120)
    description_en = models.TextField(blank=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("need")
        verbose_name_plural = _("needs")

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        language = (get_language() or "en")[:2]
        language = {"no": "nb", "nn": "nb"}.get(language, language)
        return str(getattr(self, f"label_{language}", "") or self.label_en)


class Owned(PublicModel):
    """A row of the network (office empty) or of one office."""

    office = models.ForeignKey(
        "accounts.Office",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("office"),
        help_text=_("Empty for the network's shared rows."),
    )

    class Meta:
        abstract = True

    @property
    def is_network_row(self) -> bool:
        return self.office_id is None


class Organization(Owned):
    name = models.CharField(_("name"), max_length=250)
    alternate_name = models.CharField(_("other name"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), max_length=500, blank=True)
    # The code of the "other actor" the triage data names (LDO, POLITIET, DO, ...), so that an
    # assessment can link the actors it suggests to their directory entries.
    actor_code = models.CharField(_("actor code"), max_length=60, blank=True, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")

    def __str__(self) -> str:
        return self.name


class ServiceStatus(models.TextChoices):
    # HSDS 3 service.status values.
    ACTIVE = "active", _("active")
    INACTIVE = "inactive", _("inactive")
    DEFUNCT = "defunct", _("defunct")
    TEMPORARILY_CLOSED = "temporarily closed", _("temporarily closed")


class Service(Owned):
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="services", verbose_name=_("organization")
    )
    name = models.CharField(_("name"), max_length=250)
    alternate_name = models.CharField(_("other name"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("web page"), max_length=500, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    interpretation_services = models.TextField(_("interpretation"), blank=True)
    application_process = models.TextField(_("how to get help"), blank=True)
    fees_description = models.TextField(_("fees"), blank=True)
    eligibility_description = models.TextField(_("who can get help"), blank=True)
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(_("maximum age"), null=True, blank=True)
    alert = models.TextField(_("notice"), blank=True)
    last_checked = models.DateField(
        _("facts last checked"),
        null=True,
        blank=True,
        help_text=_("The day someone last checked these facts."),
    )
    is_urgent = models.BooleanField(
        _("urgent help"), default=False, help_text=_("Police, emergency numbers, crisis lines: shown first.")
    )
    needs = models.ManyToManyField(Need, blank=True, related_name="services", verbose_name=_("needs"))

    class Meta:
        ordering = ["-is_urgent", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum_age__isnull=True)
                | Q(maximum_age__isnull=True)
                | Q(minimum_age__lte=models.F("maximum_age")),
                name="directory_service_ages_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name


class LocationType(models.TextChoices):
    PHYSICAL = "physical", _("a place to visit")
    POSTAL = "postal", _("a postal address")
    VIRTUAL = "virtual", _("online or by phone")


class Location(Owned):
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="locations", verbose_name=_("organization")
    )
    location_type = models.CharField(
        _("kind of place"), max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(_("name"), max_length=250, blank=True)
    description = models.TextField(_("description"), blank=True)
    url = models.URLField(_("web page"), max_length=500, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("location")
        verbose_name_plural = _("locations")

    def __str__(self) -> str:
        return self.name or str(self.public_id)


class Address(PublicModel):
    # Every HSDS address field is kept, empty where the source does not give it: an address
    # with only a city is honest; an invented postal code is not.
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="addresses")
    address_type = models.CharField(
        max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    attention = models.CharField(max_length=250, blank=True)
    address_1 = models.CharField(_("street address"), max_length=250, blank=True)
    address_2 = models.CharField(max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    region = models.CharField(_("region"), max_length=120, blank=True)
    state_province = models.CharField(max_length=120, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)

    class Meta:
        ordering = ["city", "public_id"]
        verbose_name = _("address")
        verbose_name_plural = _("addresses")

    def __str__(self) -> str:
        return ", ".join(part for part in (self.address_1, self.city) if part)


class ServiceAtLocation(PublicModel):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_at_locations")
    location = models.ForeignKey(Location, on_delete=models.CASCADE, related_name="service_at_locations")
    description = models.TextField(blank=True)

    class Meta:
        ordering = ["location__name", "public_id"]
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="directory_service_at_location_once")
        ]

    def __str__(self) -> str:
        return f"{self.service} @ {self.location}"


class Phone(PublicModel):
    """A number of an organization, a service or a location (exactly one of them)."""

    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="phones"
    )
    number = models.CharField(_("number"), max_length=40)
    extension = models.PositiveIntegerField(null=True, blank=True)
    type = models.CharField(_("type"), max_length=20, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["number", "public_id"]
        verbose_name = _("phone")
        verbose_name_plural = _("phones")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(organization__isnull=False, service__isnull=True, location__isnull=True)
                    | Q(organization__isnull=True, service__isnull=False, location__isnull=True)
                    | Q(organization__isnull=True, service__isnull=True, location__isnull=False)
                ),
                name="directory_phone_has_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def tel(self) -> str:
        """The number for a tel: link (digits and a leading plus only)."""
        return "".join(ch for ch in self.number if ch.isdigit() or ch == "+")


class Schedule(PublicModel):
    """Opening hours in HSDS's iCalendar-like shape, and always a human description."""

    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    freq = models.CharField(max_length=10, blank=True, choices=[("WEEKLY", "WEEKLY"), ("MONTHLY", "MONTHLY")])
    byday = models.CharField(max_length=40, blank=True, help_text="MO,TU,WE,TH,FR,SA,SU")
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    description = models.TextField(_("opening hours"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        ordering = ["public_id"]
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=False, location__isnull=True)
                | Q(service__isnull=True, location__isnull=False),
                name="directory_schedule_has_one_owner",
            )
        ]

    def __str__(self) -> str:
        return self.description or self.byday


class Language(PublicModel):
    """A language a service is offered in (ISO 639-1 code, as the site's languages)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="languages")
    code = models.CharField(_("language code"), max_length=8)
    name = models.CharField(_("language"), max_length=80, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")
        constraints = [models.UniqueConstraint(fields=["service", "code"], name="directory_language_once")]

    def __str__(self) -> str:
        return self.code


class AreaKind(models.TextChoices):
    COUNTRY = "country", _("the whole country")
    REGION = "region", _("a county or region")
    MUNICIPALITY = "municipality", _("a municipality")


class ServiceArea(PublicModel):
    """Where a service is offered: a whole country, a region or one municipality.

    In HSDS: `name` is the place, `extent` the ISO country code, `extent_type` the kind.
    """

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="service_areas")
    kind = models.CharField(_("kind of area"), max_length=12, choices=AreaKind.choices)
    country = models.CharField(_("country"), max_length=2)
    name = models.CharField(_("place"), max_length=120)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["country", "kind", "name", "public_id"]
        verbose_name = _("service area")
        verbose_name_plural = _("service areas")

    def __str__(self) -> str:
        return self.name
