from collections.abc import Iterator

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "likeverd.cases"
    label = "cases"
    verbose_name = _("Cases")

    def ready(self) -> None:
        from likeverd.cases.search import rebuild
        from likeverd.core import files, rotation

        files.register_references("cases.Document", _document_files)
        rotation.register_reindex("cases: search index", rebuild.reindex_cases)
        rotation.register_reindex("cases: conflict-check name keys", rebuild.rebuild_name_keys)


def _document_files() -> Iterator[tuple[str, str]]:
    from likeverd.cases.models import Document
    from likeverd.cases.services import document_purpose

    for storage_name, public_id in Document.objects.values_list("storage_name", "public_id").iterator():
        yield storage_name, document_purpose(public_id)
