"""Admin for the installer (a superuser): offices, people and their roles per office.

Day-to-day work happens in the case screens; the admin sets up offices and staff when the
`createoffice` / `createstaff` commands are not at hand. Authenticator devices are managed in
django-otp's own admin section. Offices are addressed by public id in the admin's URLs.
"""

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from likeverd.accounts.models import Membership, Office, User
from likeverd.core.admin import PublicIdAdminMixin


class MembershipInline(admin.TabularInline[Membership, User]):
    model = Membership
    extra = 1
    fields = ("office", "role", "is_active")
    autocomplete_fields = ("office",)


@admin.register(Office)
class OfficeAdmin(PublicIdAdminMixin[Office]):
    list_display = ("name", "code", "jurisdiction", "is_active")
    list_filter = ("jurisdiction", "is_active")
    search_fields = ("name", "code")
    readonly_fields = ("public_id", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "code", "jurisdiction", "is_active")}),
        (_("Contact"), {"fields": ("phone", "email", "address", "opening_hours")}),
        (_("Area and languages"), {"fields": ("municipalities", "languages")}),
        (_("Record"), {"fields": ("public_id", "created_at", "updated_at")}),
    )


@admin.register(User)
class UserAdmin(DjangoUserAdmin[User]):
    inlines = (MembershipInline,)
    list_display = ("username", "first_name", "last_name", "email", "is_active", "is_superuser")
    fieldsets = (
        *(DjangoUserAdmin.fieldsets or ()),
        (_("Language"), {"fields": ("preferred_language",)}),
    )


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ("user", "office", "role", "is_active")
    list_filter = ("office", "role", "is_active")
    search_fields = ("user__username", "user__first_name", "user__last_name", "office__code")
    autocomplete_fields = ("user", "office")
    list_select_related = ("user", "office")
