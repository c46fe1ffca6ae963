"""Admin parts with no domain words: rows addressed by their public id, never the integer key."""

from typing import Any

from django.contrib import admin
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db.models import Model
from django.http import HttpRequest
from django.urls import reverse


class PublicIdChangeList(ChangeList):
    def url_for_result(self, result: Any) -> str:
        return reverse(
            f"admin:{self.opts.app_label}_{self.opts.model_name}_change",
            args=[str(result.public_id)],
            current_app=self.model_admin.admin_site.name,
        )


class PublicIdAdminMixin[M: Model](admin.ModelAdmin[M]):
    """Change pages at /admin/<app>/<model>/<public id>/change/: no sequential id in a URL.

    For models with a `public_id` (likeverd.core.models.PublicModel). The lookup goes through
    `get_queryset`, so a row outside the admin's own scope is simply not found.
    """

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return PublicIdChangeList

    def get_object(self, request: HttpRequest, object_id: str, from_field: str | None = None) -> M | None:
        try:
            return self.get_queryset(request).get(public_id=object_id)
        except (ObjectDoesNotExist, ValidationError, ValueError):
            return None
