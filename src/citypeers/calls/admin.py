from django.contrib import admin

from citypeers.calls.models import Application, Call, Question


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "type", "opens_at", "closes_at"]
    list_filter = ["type", "programme"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["visits"]
    inlines = [QuestionInline]


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["applicant", "call", "status", "submitted_at"]
    list_filter = ["status", "call"]
    search_fields = ["applicant__email", "applicant__display_name"]
    raw_id_fields = ["applicant", "organisation"]
