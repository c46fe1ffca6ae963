"""Read-only admin: the taxonomy comes from the data files, so nobody edits it here."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from likeverd.taxonomy.models import LegalSource, Term


class ReadOnlyMixin:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Term)
class TermAdmin(ReadOnlyMixin, admin.ModelAdmin[Term]):
    list_display = ["code", "label_en", "jurisdiction", "kind", "valid_from", "valid_to", "status"]
    list_filter = ["jurisdiction", "kind", "status"]
    search_fields = ["code", "label_nb", "label_sv", "label_en"]
    ordering = ["jurisdiction", "kind", "sort_order", "code", "valid_from"]


@admin.register(LegalSource)
class LegalSourceAdmin(ReadOnlyMixin, admin.ModelAdmin[LegalSource]):
    list_display = ["key", "law", "section", "jurisdiction", "status"]
    list_filter = ["jurisdiction", "status"]
    search_fields = ["key", "law", "section", "note"]
