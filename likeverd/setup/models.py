"""The set-up app's models: those of the import of earlier registrations (likeverd.setup.imports)."""

from likeverd.setup.imports.models import ImportedCase, ImportRun, PendingUpload

__all__ = ["ImportRun", "ImportedCase", "PendingUpload"]
