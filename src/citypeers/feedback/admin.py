"""Survey templates in the admin, for staff; answers are not shown there (see the models)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from citypeers.feedback.models import Question, SurveyTemplate, SurveyTemplateVersion


@admin.register(SurveyTemplate)
class SurveyTemplateAdmin(TranslationAdmin):
    list_display = ("title", "programme", "moment", "audience")
    list_filter = ("moment", "audience")


class QuestionInline(TranslationTabularInline):
    model = Question
    extra = 0
    fields = ("position", "key", "text", "help_text", "kind", "level", "required", "choices")

    def has_change_permission(self, request, obj=None):
        return False  # a version never changes once made: edit the template to make a new one

    def has_add_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(SurveyTemplateVersion)
class SurveyTemplateVersionAdmin(TranslationAdmin):
    list_display = ("template", "number", "change_note", "created_at")
    readonly_fields = ("template", "number", "change_note", "created_by", "created_at")
    inlines = [QuestionInline]

    def has_change_permission(self, request, obj=None):
        return False
