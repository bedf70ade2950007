from django.contrib import admin

from citypeers.reports.models import Report, ReportComment, ReportVersion


class VersionInline(admin.TabularInline):
    model = ReportVersion
    extra = 0
    fields = ["number", "author", "created_at", "note"]
    readonly_fields = fields
    can_delete = False


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "visit", "language", "status", "published_at"]
    list_filter = ["status", "language"]
    search_fields = ["title", "visit__title"]
    readonly_fields = ["visit", "created_by", "created_at", "published_at", "status"]
    inlines = [VersionInline]


@admin.register(ReportComment)
class ReportCommentAdmin(admin.ModelAdmin):
    list_display = ["report", "section_key", "author", "created_at", "resolved_at"]
    readonly_fields = ["report", "version", "author", "created_at"]
