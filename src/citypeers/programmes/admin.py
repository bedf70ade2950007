from django.contrib import admin

from citypeers.core.translated import in_every_language
from citypeers.programmes.models import Membership, Programme, Theme, Visit


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    # No slug made from the name: the name is one input per language.

    def get_search_fields(self, request):
        return in_every_language("name")


class VisitInline(admin.TabularInline):
    model = Visit
    extra = 0
    fields = ["title", "slug", "host_place", "mode", "starts_on", "ends_on"]
    autocomplete_fields = ["host_place"]


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "starts_on", "ends_on"]
    date_hierarchy = "starts_on"
    # No slug made from the name: the name is one input per language.
    filter_horizontal = ["themes"]
    inlines = [VisitInline]

    def get_search_fields(self, request):
        return in_every_language("name", "description")


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "host_place", "mode", "starts_on"]
    list_filter = ["mode", "programme"]
    search_fields = ["title", "host_place__name"]
    autocomplete_fields = ["host_place"]
    list_select_related = ["programme", "host_place"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "programme", "visit", "created_at"]
    list_filter = ["role", "programme"]
    search_fields = ["user__email", "user__display_name", "visit__title"]
    autocomplete_fields = ["user", "visit"]
    list_select_related = ["user", "programme", "visit"]
