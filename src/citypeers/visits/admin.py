from django.contrib import admin

from citypeers.core.translated import in_every_language
from citypeers.visits.models import (
    AgendaSession,
    BreakoutPlan,
    QuestionnaireAnswer,
    VisitPlan,
    VisitTask,
)


@admin.register(VisitPlan)
class VisitPlanAdmin(admin.ModelAdmin):
    list_display = ["visit", "template_version", "time_zone", "participants", "agenda_published"]
    list_select_related = ["visit", "template_version__template"]
    raw_id_fields = ["visit", "practice", "created_by"]


@admin.register(VisitTask)
class VisitTaskAdmin(admin.ModelAdmin):
    list_display = ["title", "visit", "phase", "due_on", "owner", "done_at"]
    list_filter = ["phase", "role"]
    raw_id_fields = ["visit", "owner", "done_by"]
    # Ticks are the team's, made on the workspace: rewording the checklist leaves them.
    readonly_fields = ["ticked"]

    def get_search_fields(self, request):
        return [*in_every_language("title"), "visit__title"]


@admin.register(AgendaSession)
class AgendaSessionAdmin(admin.ModelAdmin):
    list_display = ["visit", "day", "starts_at", "minutes", "format"]
    raw_id_fields = ["visit"]


@admin.register(QuestionnaireAnswer)
class QuestionnaireAnswerAdmin(admin.ModelAdmin):
    list_display = ["visit", "person", "shares_with_participants", "submitted_at", "updated_at"]
    list_select_related = ["visit", "person"]
    raw_id_fields = ["visit", "person"]


@admin.register(BreakoutPlan)
class BreakoutPlanAdmin(admin.ModelAdmin):
    list_display = ["session", "rounds", "size", "status", "repeated_pairs", "lower_bound"]
    list_select_related = ["session__format"]
    raw_id_fields = ["session", "created_by"]
