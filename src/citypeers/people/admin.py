from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from citypeers.people.errors import ErasureRefused
from citypeers.people.models import Affiliation, Organisation, User
from citypeers.people.services import person_erase


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "country", "organisation", "is_staff", "is_active"]
    list_filter = ["is_staff", "is_superuser", "is_active", "country"]
    search_fields = ["email", "display_name", "organisation__name"]
    list_select_related = ["organisation"]
    # Set only by approving a request (people.services), so the audit trail and the flags on
    # sent applications never miss a change; staff approve on /me/affiliations/.
    readonly_fields = ["organisation"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (
            _("Profile"),
            {
                "fields": [
                    "display_name",
                    "country",
                    "time_zone",
                    "language",
                    "languages",
                    "organisation",
                ]
            },
        ),
        (
            _("Access"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    actions = ["erase"]

    @admin.action(description=_("Erase the selected people (GDPR), keeping anonymised records"))
    def erase(self, request, queryset) -> None:
        """Staff erase on a person's request (audited as by them); refusals are listed."""
        erased = 0
        for person in queryset:
            try:
                person_erase(user=person, by=request.user)
            except ErasureRefused as refusal:
                self.message_user(request, f"{person}: {refusal.message}", messages.ERROR)
            else:
                erased += 1
        done = ngettext("%(count)d person erased.", "%(count)d people erased.", erased)
        self.message_user(request, done % {"count": erased})


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "type", "place"]
    list_filter = ["type"]
    search_fields = ["name", "place__name"]
    autocomplete_fields = ["place"]
    fields = ["name", "type", "place", "website", "email_domains"]


@admin.register(Affiliation)
class AffiliationAdmin(admin.ModelAdmin):
    """Requests and their outcomes, to read: decisions go through the requests page."""

    list_display = ["user", "organisation", "state", "source", "requested_at", "decided_at"]
    list_filter = ["state", "source"]
    search_fields = ["user__email", "user__display_name", "organisation__name"]
    list_select_related = ["user", "organisation"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
