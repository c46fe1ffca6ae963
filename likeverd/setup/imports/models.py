"""What an import leaves: the run (a file imported into an office), each case it made with the
sheet's own case number, and an uploaded file waiting between the screen's steps."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from likeverd.core.fields import EncryptedTextField
from likeverd.core.models import PublicModel


class ImportRun(PublicModel):
    """One file imported into one office: who started it (None: the command line) and its counts."""

    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="+")
    file_name = models.CharField(_("file"), max_length=120)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rows_read = models.PositiveIntegerField(default=0)
    imported = models.PositiveIntegerField(default=0)
    already_present = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("import of earlier registrations")
        verbose_name_plural = _("imports of earlier registrations")

    def __str__(self) -> str:
        return self.file_name


class ImportedCase(models.Model):
    """A case made from a row of an earlier registration: imported, with no narrative.

    The sheet's case number is unique per office, which makes an import idempotent: a row
    whose number is here already is not imported again. `values` are the row's codes as
    imported (received day, channel, area, grounds, mediation), so a changed row is reported."""

    case = models.OneToOneField("cases.Case", on_delete=models.CASCADE, related_name="imported")
    office = models.ForeignKey("accounts.Office", on_delete=models.PROTECT, related_name="+")
    run = models.ForeignKey(ImportRun, on_delete=models.PROTECT, related_name="cases")
    sheet_number = models.CharField(_("case number in the sheet"), max_length=60)
    values = models.JSONField(default=dict)

    class Meta:
        verbose_name = _("imported case")
        verbose_name_plural = _("imported cases")
        constraints = [
            models.UniqueConstraint(
                fields=["office", "sheet_number"], name="imported_sheet_number_per_office"
            )
        ]

    def __str__(self) -> str:
        return self.sheet_number


class PendingUpload(PublicModel):
    """A file uploaded on the import screen, kept encrypted (never as a file on disk) while the
    person looks at the dry run and maps values, and deleted when it is imported, discarded or
    older than `selectors.PENDING_HOURS`. `version` rises with every change of the mapping, so a
    form from an earlier step is refused as stale."""

    office = models.ForeignKey("accounts.Office", on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    file_name = models.CharField(_("file"), max_length=120)
    content = EncryptedTextField(_("content"), purpose="setup.PendingUpload.content")
    size = models.PositiveIntegerField(default=0)
    mapping = models.JSONField(default=list)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("uploaded file waiting to be imported")
        verbose_name_plural = _("uploaded files waiting to be imported")

    def __str__(self) -> str:
        return self.file_name
