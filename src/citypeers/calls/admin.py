from django.conf import settings
from django.contrib import admin
from django.db.models import Q

from citypeers.calls.models import Application, Call, Question


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0


@admin.register(Call)
class CallAdmin(admin.ModelAdmin):
    list_display = ["title", "programme", "type", "opens_at", "closes_at"]
    list_filter = ["type", "programme"]
    search_fields = ["slug"]
    filter_horizontal = ["visits"]
    inlines = [QuestionInline]

    def get_search_results(self, request, queryset, search_term):
        """The title in any offered language (each language's text, not the JSON's, which
        escapes letters beyond ASCII on SQLite), or the address."""
        found, duplicates = super().get_search_results(request, queryset, search_term)
        if term := search_term.strip():
            in_title = Q()
            for code, _name in settings.LANGUAGES:
                in_title |= Q(**{f"title__{code}__icontains": term})
            found |= queryset.filter(in_title)
        return found, duplicates


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["applicant", "call", "status", "submitted_at"]
    list_filter = ["status", "call"]
    search_fields = ["applicant__email", "applicant__display_name"]
    raw_id_fields = ["applicant", "organisation"]
    # The consent as it was given is a record, not something to correct.
    readonly_fields = ["consent_text", "consent_language"]
