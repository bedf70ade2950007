"""The methodology in Django's admin: formats and templates editable, saved versions read-only."""

from django.contrib import admin

from citypeers.core.translated import in_every_language
from citypeers.methodology.models import (
    ActivityFormat,
    AgendaItemTemplate,
    FormatStep,
    StepTemplate,
    TemplateVersion,
    VisitTemplate,
)


class FormatStepInline(admin.TabularInline):
    model = FormatStep
    extra = 0


@admin.register(ActivityFormat)
class ActivityFormatAdmin(admin.ModelAdmin):
    list_display = ["name", "stage", "min_group", "max_group", "default_minutes", "updated_at"]
    list_filter = ["stage"]
    inlines = [FormatStepInline]

    def get_search_fields(self, request):
        return in_every_language("name", "summary")


@admin.register(VisitTemplate)
class VisitTemplateAdmin(admin.ModelAdmin):
    list_display = ["name", "mode", "slug"]

    def get_search_fields(self, request):
        return in_every_language("name")


class ReadOnlyInline(admin.TabularInline):
    """A saved version never changes: edit the template in the platform to make a new one."""

    extra = 0
    can_delete = False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


class StepInline(ReadOnlyInline):
    model = StepTemplate
    fields = ["phase", "position", "role", "anchor", "offset_days", "title"]


class AgendaInline(ReadOnlyInline):
    model = AgendaItemTemplate
    fields = ["day", "position", "format", "minutes"]


@admin.register(TemplateVersion)
class TemplateVersionAdmin(admin.ModelAdmin):
    list_display = ["template", "number", "created_at", "created_by", "note"]
    list_filter = ["template"]
    inlines = [StepInline, AgendaInline]

    def has_change_permission(self, request, obj=None) -> bool:
        return False
