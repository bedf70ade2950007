from django.conf import settings
from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from citypeers.catalogue.models import Practice

SEARCHED_TEXTS = ("title", "tagline", "summary")


@admin.register(Practice)
class PracticeAdmin(SimpleHistoryAdmin):
    list_display = ["title", "programme", "status", "type", "willing_to_host", "published_at"]
    list_filter = ["status", "type", "willing_to_host", "is_generated", "programme", "themes"]
    date_hierarchy = "published_at"
    autocomplete_fields = ["places", "organisations", "submitted_by"]
    filter_horizontal = ["themes"]
    list_select_related = ["programme"]
    readonly_fields = ["created_at", "updated_at"]

    def get_search_fields(self, request):
        # Each language's text, as written (the JSON as text would hold escapes, not letters).
        languages = [code for code, _name in settings.LANGUAGES]
        texts = [f"{name}__{code}" for name in SEARCHED_TEXTS for code in languages]
        return [*texts, "places__name"]
