"""The case: who, what, when, where, how it is classified, and everything that happened since.

Narratives, notes, names, contact details, task titles and file names are encrypted at rest
(EncryptedTextField); search reaches them through the blind index (SearchToken, search.py).
Writes go through services.py, reads through selectors.py.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.core import clock
from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    DROP_IN = "drop_in", _("Drop-in")
    PARTNER = "partner", _("Partner referral")
    PATROL = "patrol", _("Volunteer patrol")
    OTHER = "other", _("Other")


class CaseStatus(models.TextChoices):
    NEW = "new", _("New")
    SORTING = "sorting", _("Sorting")
    ADVICE = "advice", _("Advice")
    ASSISTANCE = "assistance", _("Assistance")
    REFERRED = "referred", _("Referred")
    MEDIATION = "mediation", _("Mediation")
    CLOSED = "closed", _("Closed")


class Wish(models.TextChoices):
    ADVICE = "advice", _("Advice")
    COMPLAINT = "complaint", _("Help to complain")
    MEDIATION = "mediation", _("Mediation")
    REPORT_ONLY = "report_only", _("Only to report it")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Exact date")
    MONTH = "month", _("Month")
    SEASON = "season", _("Season")
    YEAR = "year", _("Year")
    UNKNOWN = "unknown", _("Unknown")


class PlaceKind(models.TextChoices):
    STREET = "street", _("Street or public space")
    TRANSPORT = "transport", _("Public transport")
    WORKPLACE = "workplace", _("Workplace")
    SCHOOL = "school", _("School or kindergarten")
    SHOP = "shop", _("Shop or service")
    NIGHTLIFE = "nightlife", _("Nightlife venue")
    HOME = "home", _("Home or neighbourhood")
    ONLINE = "online", _("Online")
    PUBLIC_OFFICE = "public_office", _("Public office")
    HEALTH = "health", _("Health service")
    POLICE = "police", _("Police")
    OTHER = "other", _("Other")


class Outcome(models.TextChoices):
    ADVICE_GIVEN = "advice_given", _("Advice given")
    COMPLAINT_FILED = "complaint_filed", _("Complaint filed")
    POLICE_REPORT_FILED = "police_report_filed", _("Police report filed")
    REFERRED = "referred", _("Referred to another service")
    MEDIATED = "mediated", _("Mediated")
    RESOLVED = "resolved", _("Resolved")
    WITHDRAWN = "withdrawn", _("Withdrawn by the person")
    NO_DISCRIMINATION = "no_discrimination", _("No discrimination found")
    NO_CONTACT = "no_contact", _("No further contact")
    OTHER = "other", _("Other")


class ReportingCategory(PublicModel):
    """An office's own "area of society" for its reports, mapped to the legal areas."""

    office = models.ForeignKey(
        "accounts.Office", on_delete=models.CASCADE, related_name="reporting_categories"
    )
    code = models.SlugField(max_length=40)
    label_nb = models.CharField(_("name (Norwegian)"), max_length=120)
    label_sv = models.CharField(_("name (Swedish)"), max_length=120)
    label_en = models.CharField(_("name (English)"), max_length=120)
    areas = models.ManyToManyField(
        "taxonomy.Term", blank=True, related_name="+", verbose_name=_("legal areas")
    )
    sort_order = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("reporting category")
        verbose_name_plural = _("reporting categories")
        constraints = [models.UniqueConstraint(fields=["office", "code"], name="category_code_per_office")]

    @property
    def label(self) -> str:
        from django.utils.translation import get_language

        language = (get_language() or "en")[:2]
        return str(getattr(self, f"label_{language}", None) or self.label_en)

    def __str__(self) -> str:
        return self.label


class CaseNumberSequence(models.Model):
    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_serial = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["office", "year"], name="one_sequence_per_office_year")
        ]

    def __str__(self) -> str:
        return f"{self.office_id}/{self.year}: {self.last_serial}"


class Case(PublicModel):
    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="cases")
    year = models.PositiveSmallIntegerField()
    serial = models.PositiveIntegerField()
    number = models.CharField(_("case number"), max_length=24, unique=True)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    received_at = models.DateTimeField(_("received"), default=clock.now)
    incident_date_from = models.DateField(_("incident from"), null=True, blank=True)
    incident_date_to = models.DateField(_("incident to"), null=True, blank=True)
    incident_date_precision = models.CharField(
        _("incident date precision"),
        max_length=8,
        choices=DatePrecision.choices,
        default=DatePrecision.UNKNOWN,
    )
    incident_date_text = models.CharField(_("incident date as given"), max_length=60, blank=True)
    incident_municipality = models.CharField(_("municipality of the incident"), max_length=80, blank=True)
    place_kind = models.CharField(_("kind of place"), max_length=16, choices=PlaceKind.choices, blank=True)
    residence_municipality = models.CharField(_("municipality of residence"), max_length=80, blank=True)
    narrative = EncryptedTextField(_("what happened"))
    wishes = models.JSONField(_("what the person wants"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=CaseStatus.choices, default=CaseStatus.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_cases",
        verbose_name=_("assigned to"),
    )
    reporting_category = models.ForeignKey(
        ReportingCategory,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="cases",
        verbose_name=_("area of society"),
    )
    grounds = models.ManyToManyField("taxonomy.Term", blank=True, related_name="+", verbose_name=_("grounds"))
    areas = models.ManyToManyField("taxonomy.Term", blank=True, related_name="+", verbose_name=_("areas"))
    forms = models.ManyToManyField("taxonomy.Term", blank=True, related_name="+", verbose_name=_("forms"))
    tracks = models.ManyToManyField("taxonomy.Term", blank=True, related_name="+", verbose_name=_("tracks"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        verbose_name = _("case")
        verbose_name_plural = _("cases")
        constraints = [
            models.UniqueConstraint(fields=["office", "year", "serial"], name="case_serial_per_office_year"),
            models.CheckConstraint(
                condition=~models.Q(status="closed") | ~models.Q(outcome=""),
                name="closed_case_has_outcome",
            ),
        ]
        indexes = [
            # The dashboard's counts by status, and its new cases newest first.
            models.Index(fields=["office", "status", "-received_at"], name="case_office_status_received"),
            models.Index(fields=["office", "received_at"], name="case_office_received"),
            # The dashboard's "my open cases", most recently changed first.
            models.Index(
                fields=["assigned_to", "-updated_at"],
                condition=~models.Q(status="closed"),
                name="case_assignee_open_updated",
            ),
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def is_closed(self) -> bool:
        return self.status == CaseStatus.CLOSED


class PartyRole(models.TextChoices):
    PERSON = "person", _("The person it happened to")
    REPORTER = "reporter", _("Reported on their behalf")
    REPRESENTATIVE = "representative", _("Representative")
    COUNTERPART = "counterpart", _("Counterpart")
    WITNESS = "witness", _("Witness")


class CounterpartKind(models.TextChoices):
    PRIVATE_PERSON = "private_person", _("Private person")
    EMPLOYER = "employer", _("Employer")
    BUSINESS = "business", _("Business")
    NIGHTLIFE = "nightlife", _("Nightlife venue")
    LANDLORD = "landlord", _("Landlord or housing association")
    SCHOOL = "school", _("School")
    PUBLIC_BODY = "public_body", _("Public body")
    WELFARE = "welfare", _("Welfare office")
    HEALTH = "health", _("Health service")
    POLICE = "police", _("Police")
    OTHER = "other", _("Other")


class Party(PublicModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="parties")
    role = models.CharField(_("role"), max_length=16, choices=PartyRole.choices)
    counterpart_kind = models.CharField(
        _("kind of counterpart"), max_length=16, choices=CounterpartKind.choices, blank=True
    )
    is_anonymous = models.BooleanField(_("anonymous"), default=False)
    name = EncryptedTextField(_("name"))
    phone = EncryptedTextField(_("phone"))
    email = EncryptedTextField(_("e-mail"))
    notes = EncryptedTextField(_("notes"))
    # Keyed hash of the normalised name, per office: finds the same name in other cases
    # (conflict of interest) without storing the name in clear.
    name_key = models.BigIntegerField(null=True, blank=True)
    represents = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="representatives",
        verbose_name=_("represents"),
    )
    safe_to_call = models.BooleanField(_("safe to call"), default=False)
    safe_voicemail = models.BooleanField(_("safe to leave a voicemail"), default=False)
    safe_email = models.BooleanField(_("safe to e-mail"), default=False)
    language = models.CharField(_("language"), max_length=12, blank=True)
    needs_interpreter = models.BooleanField(_("needs an interpreter"), default=False)

    class Meta:
        ordering = ["case", "id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        indexes = [
            # The conflict-of-interest lookup: this name key in this role, in other cases.
            models.Index(fields=["name_key", "role"], name="party_name_key_role")
        ]

    def __str__(self) -> str:
        return self.get_role_display()

    @property
    def display_name(self) -> str:
        if self.is_anonymous or not self.name:
            return str(_("Anonymous"))
        return str(self.name)


class EventKind(models.TextChoices):
    CREATED = "created", _("Case registered")
    NOTE = "note", _("Note")
    CALL = "call", _("Call")
    MEETING = "meeting", _("Meeting")
    EMAIL = "email", _("E-mail")
    STATUS = "status", _("Status changed")
    CLASSIFICATION = "classification", _("Classification changed")
    ASSIGNMENT = "assignment", _("Assigned")
    DOCUMENT = "document", _("Document added")
    PARTY = "party", _("Party added")
    TASK = "task", _("Task")
    DETAILS = "details", _("Details changed")


class CaseEvent(PublicModel):
    """One entry of a case's timeline. `body` is free text (encrypted); `data` holds codes only."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16, choices=EventKind.choices)
    occurred_at = models.DateTimeField(default=clock.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = EncryptedTextField(_("text"))
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["case", "occurred_at"], name="event_case_time")]
        verbose_name = _("timeline entry")
        verbose_name_plural = _("timeline entries")


class Task(PublicModel):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="tasks")
    title = EncryptedTextField(_("task"))
    due_date = models.DateField(_("due"))
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_tasks",
        verbose_name=_("assignee"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [
            models.Index(fields=["assignee", "done_at", "due_date"], name="task_assignee_open"),
            # The dashboard's "due this week": open tasks, soonest first.
            models.Index(
                fields=["due_date", "case"], condition=models.Q(done_at__isnull=True), name="task_open_due"
            ),
        ]

    @property
    def is_done(self) -> bool:
        return self.done_at is not None


class DocumentKind(models.TextChoices):
    EVIDENCE = "evidence", _("Evidence")
    CORRESPONDENCE = "correspondence", _("Correspondence")
    COMPLAINT = "complaint", _("Complaint")
    POLICE_REPORT = "police_report", _("Police report")
    DECISION = "decision", _("Decision")
    OTHER = "other", _("Other")


class Document(PublicModel):
    """An uploaded file. The bytes are encrypted in DOCUMENT_ROOT under `storage_name`."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(
        _("kind"), max_length=16, choices=DocumentKind.choices, default=DocumentKind.OTHER
    )
    filename = EncryptedTextField(_("file name"))
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    storage_name = models.CharField(max_length=80, unique=True, editable=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class SearchToken(models.Model):
    """Blind index: keyed hashes of the words of a case's searchable text, per office.

    See docs/adr/0003-search-over-encrypted-text.md.
    """

    pk = models.CompositePrimaryKey("office_id", "token", "case_id")
    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+", db_index=False)
    token = models.BigIntegerField()
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="search_tokens")
    # The case's received_at, copied (it is no secret: the case row holds it in clear), so that
    # a word's entries can be read newest first, in the case list's order, straight from the
    # index (office, token, received_at, case): the first page stops after 25 entries and a
    # rare word's few cases come without walking the office's cases.
    received_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(
                fields=["office", "token", "-received_at", "-case"], name="searchtoken_word_newest_first"
            )
        ]

    def __str__(self) -> str:
        return f"token of case {self.case_id}"
