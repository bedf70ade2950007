from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from citypeers.catalogue.models import Practice
from citypeers.core.translated import in_every_language

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
        return [*in_every_language(*SEARCHED_TEXTS), "places__name"]
