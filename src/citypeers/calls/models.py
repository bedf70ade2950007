"""Open calls and the applications made to them.

A call's closing time is stored in UTC and shown in the call's own zone and the viewer's.
Answers to a call's own questions are kept as JSON keyed by question id, next to the fields
every participant application has.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries import countries

from citypeers.people.models import Organisation
from citypeers.programmes.models import Programme, Visit


class Call(models.Model):
    class Type(models.TextChoices):
        PARTICIPANTS = "participants", _("Participants")
        HOSTS = "hosts", _("Hosts")
        PRACTICES = "practices", _("Good practices")
        EXPERTS = "experts", _("Experts")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="calls"
    )
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=200, unique=True)
    description = models.TextField(_("description"), help_text=_("Markdown."))
    eligible_countries = models.JSONField(
        _("eligible countries"), default=list, blank=True, help_text=_("Empty: every country.")
    )
    eligible_organisation_types = models.JSONField(
        _("eligible kinds of organisation"),
        default=list,
        blank=True,
        help_text=_("Empty: every kind."),
    )
    eligibility_text = models.TextField(_("who may apply, in words"), blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    time_zone = models.CharField(
        _("the call's time zone"), max_length=64, default="Europe/Brussels"
    )
    visits = models.ManyToManyField(Visit, verbose_name=_("visits offered"), blank=True)
    max_preferences = models.PositiveSmallIntegerField(
        _("most visits an applicant ranks"), default=2
    )
    notify_on = models.DateField(_("applicants told by"), null=True, blank=True)
    consent_text = models.TextField(
        _("consent to the processing of data"),
        default=_(
            "I agree that the programme's coordinators and reviewers process the data in "
            "this application to select participants, and keep it until the programme "
            "ends."
        ),
    )
    consent_version = models.PositiveSmallIntegerField(_("consent text version"), default=1)
    reviewers_per_application = models.PositiveSmallIntegerField(
        _("reviewers per application"), default=2
    )
    selection_settings = models.JSONField(_("selection settings"), default=dict, blank=True)
    # The coordinators' own text per outcome ("selected", …); missing: the standard text.
    outcome_messages = models.JSONField(_("decision e-mails"), default=dict, blank=True)
    blind_review = models.BooleanField(
        _("blind review"),
        default=False,
        help_text=_("Reviewers do not see applicants' names and organisations."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-closes_at"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="call_closes_after"
            )
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("calls:detail", args=[self.slug])

    @property
    def eligible_country_names(self) -> list[str]:
        return [str(countries.name(code)) for code in self.eligible_countries]

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at

    def state(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "open" if now < self.closes_at else "closed"


class Question(models.Model):
    """A question of a call's own form, beyond the fields every application has."""

    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        SINGLE_CHOICE = "single_choice", _("One choice")
        MULTIPLE_CHOICE = "multiple_choice", _("Several choices")
        NUMBER = "number", _("Number")
        YES_NO = "yes_no", _("Yes or no")
        FILE = "file", _("File")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    choices = models.TextField(_("choices"), blank=True, help_text=_("One a line."))
    word_limit = models.PositiveIntegerField(_("word limit"), null=True, blank=True)
    max_file_mb = models.PositiveSmallIntegerField(_("largest file, in MB"), default=5)
    file_types = models.CharField(
        _("file types"),
        max_length=100,
        blank=True,
        default="pdf",
        help_text=_("Extensions, separated by commas: pdf, docx, jpg."),
    )

    class Meta:
        ordering = ["call", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.label

    @property
    def choice_list(self) -> list[str]:
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Outcome(models.TextChoices):
    # In context: languages where the word agrees with "application" need their own forms.
    SELECTED = "selected", pgettext_lazy("outcome of an application", "Selected")
    CONFIRMED = "confirmed", pgettext_lazy("outcome of an application", "Confirmed")
    DECLINED = "declined", pgettext_lazy("outcome of an application", "Declined")
    WAITLISTED = "waitlisted", pgettext_lazy("outcome of an application", "On the waiting list")
    NOT_SELECTED = "not_selected", pgettext_lazy("outcome of an application", "Not selected")


class Application(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="applications"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    role = models.CharField(_("your role in your organisation"), max_length=200, blank=True)
    learning_needs = models.TextField(_("what you want to learn"), blank=True)
    expertise = models.TextField(_("what you can share"), blank=True)
    challenge = models.TextField(_("a challenge from your own city"), blank=True)
    motivation = models.TextField(_("why you want to take part"), blank=True)
    languages = models.JSONField(_("languages you work in"), default=list, blank=True)
    access_needs = models.TextField(_("access needs"), blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    # Host calls: the practice the visit would show, and the visit the organisation proposes.
    practice = models.ForeignKey(
        "catalogue.Practice",
        verbose_name=_("good practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="host_applications",
    )
    proposed_mode = models.CharField(
        _("proposed mode"), max_length=10, choices=Visit.Mode.choices, blank=True
    )
    proposed_from = models.DateField(_("could host from"), null=True, blank=True)
    proposed_until = models.DateField(_("could host until"), null=True, blank=True)
    proposed_topic = models.CharField(_("proposed topic"), max_length=200, blank=True)
    hosted_visit = models.ForeignKey(
        Visit,
        verbose_name=_("visit created"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consent_version = models.PositiveSmallIntegerField(null=True, blank=True)
    consented_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    eligibility_override = models.BooleanField(
        _("eligibility decided by hand"), null=True, blank=True
    )
    eligibility_reason = models.CharField(_("why"), max_length=300, blank=True)
    # The published outcome of the selection (empty until the coordinators publish it).
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_visit = models.ForeignKey(
        Visit,
        verbose_name=_("visit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    waiting_position = models.PositiveSmallIntegerField(
        _("place on the waiting list"), null=True, blank=True
    )
    outcome_reason = models.CharField(_("reason"), max_length=300, blank=True)
    # The reason as data (the optimiser's `why`, or a later event such as {"code": "offered"}),
    # shown in each reader's language; `outcome_reason` keeps the English for exports.
    outcome_why = models.JSONField(_("reason, as data"), default=dict, blank=True)
    respond_by = models.DateField(_("answer by"), null=True, blank=True)

    class Meta:
        ordering = ["call", "-submitted_at", "pk"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            # One application per person and call: a double submit updates, never duplicates.
            models.UniqueConstraint(fields=["call", "applicant"], name="one_application_per_call")
        ]

    def __str__(self) -> str:
        return f"{self.applicant} → {self.call}"

    def get_absolute_url(self) -> str:
        return reverse("calls:apply", args=[self.call.slug])

    @property
    def reason_in_words(self) -> str:
        """The outcome's reason in the active language, with visits by title."""
        from citypeers.calls.reasons import reason_text  # it needs this module's classes

        titles = {str(visit.pk): visit.title for visit in self.call.visits.all()}
        waiting = self.outcome == Outcome.WAITLISTED
        return reason_text(self.outcome_why, titles, self.outcome_reason, waiting=waiting)


class Preference(models.Model):
    """A visit an applicant asks for, with its rank (1 is the first choice)."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="preferences"
    )
    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="+"
    )
    rank = models.PositiveSmallIntegerField(_("rank"))

    class Meta:
        ordering = ["application", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["application", "rank"], name="one_visit_a_rank"),
            models.UniqueConstraint(fields=["application", "visit"], name="each_visit_once"),
        ]
        verbose_name = _("preference")
        verbose_name_plural = _("preferences")

    def __str__(self) -> str:
        return f"{self.rank}. {self.visit}"


class ApplicationFile(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(_("file"), upload_to="applications/%Y/")
    name = models.CharField(_("file name"), max_length=200)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "question"], name="one_file_a_question")
        ]
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")

    def __str__(self) -> str:
        return self.name


# The review models live in their own module (it needs the classes above); importing them here
# is what registers them with the app.
from citypeers.calls.review_models import (  # noqa: E402
    Conflict,
    Criterion,
    ReviewAssignment,
    Score,
)
from citypeers.calls.selection_models import SelectionOverride, SelectionRun  # noqa: E402

__all__ = [
    "Application",
    "ApplicationFile",
    "Call",
    "Conflict",
    "Criterion",
    "Preference",
    "Question",
    "ReviewAssignment",
    "Score",
    "SelectionOverride",
    "SelectionRun",
]
