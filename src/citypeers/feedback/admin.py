"""The feedback app in the admin, for staff: survey templates (versions never change), and
the rest shown read-only; answers as kept, naming nobody (see the models)."""

from django.contrib import admin

from citypeers.feedback.models import (
    ActionPlan,
    ActionStep,
    Answer,
    FormatLesson,
    Invitation,
    MethodologyProposal,
    PlanComment,
    PlanMailSent,
    Question,
    Response,
    StepUpdate,
    Survey,
    SurveyTemplate,
    SurveyTemplateVersion,
)


@admin.register(SurveyTemplate)
class SurveyTemplateAdmin(admin.ModelAdmin):
    list_display = ("title", "programme", "moment", "audience")
    list_filter = ("moment", "audience")


class QuestionInline(admin.TabularInline):
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
class SurveyTemplateVersionAdmin(admin.ModelAdmin):
    list_display = ("template", "number", "change_note", "created_at")
    readonly_fields = ("template", "number", "change_note", "created_by", "created_at")
    inlines = [QuestionInline]

    def has_change_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Shown to staff, never changed here: every write goes through the feedback pages'
    services, which keep the audit trail (and, for answers, the anonymity rules)."""

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff  # as the feedback rules: staff

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_staff  # as the feedback rules: staff

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Survey)
class SurveyAdmin(ReadOnlyAdmin):
    list_display = ("visit", "moment", "audience", "day", "anonymity", "send_at", "sent_at")
    list_filter = ("moment", "anonymity")
    list_select_related = ("visit",)


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ("person", "survey", "sent_at", "reminders_sent", "answered")
    list_select_related = ("person", "survey__visit")
    exclude = ("key",)  # the secret behind the person's link: nobody else may use it


class AnswerInline(ReadOnlyInline):
    model = Answer
    fields = ("question", "session", "number", "number_before", "choice", "text")


@admin.register(Response)
class ResponseAdmin(ReadOnlyAdmin):
    """Answers as kept: a survey, a pseudonym at most, never a person or a time."""

    list_display = ("survey", "pseudonym")
    list_select_related = ("survey__visit",)
    inlines = [AnswerInline]


@admin.register(Answer)
class AnswerAdmin(ReadOnlyAdmin):
    list_display = ("question", "session", "number", "number_before", "choice")
    list_select_related = ("question", "session")


class StepInline(ReadOnlyInline):
    model = ActionStep
    fields = ("position", "what", "owner", "due_on", "status", "evidence", "evidence_url")


@admin.register(ActionPlan)
class ActionPlanAdmin(ReadOnlyAdmin):
    list_display = ("person", "visit", "status", "submitted_at", "followed_up_at")
    list_filter = ("status",)
    list_select_related = ("person", "visit")
    inlines = [StepInline]


@admin.register(StepUpdate)
class StepUpdateAdmin(ReadOnlyAdmin):
    list_display = ("step", "status", "at", "by")
    list_select_related = ("step", "by")


@admin.register(PlanComment)
class PlanCommentAdmin(ReadOnlyAdmin):
    list_display = ("plan", "author", "created_at")
    list_select_related = ("plan__person", "plan__visit", "author")


@admin.register(PlanMailSent)
class PlanMailSentAdmin(ReadOnlyAdmin):
    list_display = ("person", "visit", "kind", "sent_at")
    list_select_related = ("person", "visit")


@admin.register(FormatLesson)
class FormatLessonAdmin(ReadOnlyAdmin):
    list_display = ("visit", "format", "author", "updated_at")
    list_select_related = ("visit", "format", "author")


@admin.register(MethodologyProposal)
class MethodologyProposalAdmin(ReadOnlyAdmin):
    list_display = ("title", "format", "status", "created_at", "decided_at")
    list_filter = ("status",)
    list_select_related = ("format",)
