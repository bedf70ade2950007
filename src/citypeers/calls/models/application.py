"""Applications, their ranked visits and attached files."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from citypeers.calls.enums import Outcome
from citypeers.calls.models.call import Call, Question
from citypeers.core.files import RandomName, private_storage
from citypeers.people.models import Organisation
from citypeers.programmes.models import Visit


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
    # The consent as it was given: the wording shown and its language, not the call's text,
    # which changes and is read in other languages.
    consent_text = models.TextField(_("consent given"), blank=True)
    consent_language = models.CharField(_("language"), max_length=10, blank=True)
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
    """A file answering a call's question: stored in the private storage under a random name,
    served only by `calls:file` to those who may read the application. Its stored file is
    deleted when it is replaced or its row is deleted (`calls.signals`)."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    file = models.FileField(
        _("file"), upload_to=RandomName("applications"), storage=private_storage
    )
    # The name the applicant's file had, for display and as the download's name.
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "question"], name="one_file_a_question")
        ]
        verbose_name = _("attached file")
        verbose_name_plural = _("attached files")

    def __str__(self) -> str:
        return self.name
