"""Transfer action plans: what a participant takes home from a visit and will do with it, its
steps, their history at the six-month follow-up, the comments of the host, the expert and the
coordinators, and the mails sent about it.

A plan is the participant's: the host and the expert read it only when the participant shares
it with them (`shared_with_host`, `shared_with_expert`, off by default) and has submitted it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.feedback.enums import PlanMail, PlanStatus, StepStatus
from citypeers.programmes.models import Visit


class ActionPlan(models.Model):
    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="action_plans"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="action_plans",
    )
    learnt = models.TextField(_("What I learnt from the practice"), blank=True)
    challenge = models.TextField(_("My own challenge"), blank=True)
    adaptation = models.TextField(_("What I will adapt, and why"), blank=True)
    stakeholders = models.TextField(_("Stakeholders"), blank=True)
    resources = models.TextField(_("Resources"), blank=True)
    risks = models.TextField(_("Risks"), blank=True)
    shared_with_host = models.BooleanField(_("Share with the host"), default=False)
    shared_with_expert = models.BooleanField(_("Share with the expert"), default=False)
    quote_to_publish = models.TextField(_("A quote we may publish"), blank=True)
    quote_consent = models.BooleanField(
        _("I agree to the publication of this quote"), default=False
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    # The last time the participant saved the six-month follow-up: /me/ stops asking then.
    followed_up_at = models.DateTimeField(_("followed up"), null=True, blank=True)

    class Meta:
        ordering = ["visit", "person__display_name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "person"], name="action_plan_one_per_person")
        ]
        verbose_name = _("transfer action plan")
        verbose_name_plural = _("transfer action plans")

    def __str__(self) -> str:
        return f"{self.person} · {self.visit}"

    @property
    def is_submitted(self) -> bool:
        return self.status == PlanStatus.SUBMITTED


class ActionStep(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"))
    what = models.CharField(_("What"), max_length=300)
    owner = models.CharField(_("Who (a person or a unit)"), max_length=200, blank=True)
    due_on = models.DateField(_("By when"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=StepStatus.choices, default=StepStatus.PLANNED
    )
    evidence = models.TextField(_("Evidence"), blank=True)
    evidence_url = models.URLField(_("Link to evidence"), max_length=500, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["plan", "position", "pk"]
        verbose_name = _("action step")
        verbose_name_plural = _("action steps")

    def __str__(self) -> str:
        return self.what


class StepUpdate(models.Model):
    """One change of a step's status or evidence at the follow-up: the step's history."""

    step = models.ForeignKey(ActionStep, on_delete=models.CASCADE, related_name="updates")
    status = models.CharField(_("status"), max_length=12, choices=StepStatus.choices)
    evidence = models.TextField(_("evidence"), blank=True)
    evidence_url = models.URLField(_("link to evidence"), max_length=500, blank=True)
    at = models.DateTimeField(_("when"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["step", "at", "pk"]
        verbose_name = _("step update")
        verbose_name_plural = _("step updates")

    def __str__(self) -> str:
        return f"{self.step} · {self.get_status_display()}"


class PlanComment(models.Model):
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("Comment"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["plan", "created_at", "pk"]
        verbose_name = _("comment on a plan")
        verbose_name_plural = _("comments on plans")

    def __str__(self) -> str:
        return self.body[:80]


class PlanMailSent(models.Model):
    """A plan mail sent to a person about a visit, so the daily command sends each once.

    Its own table, not fields on `ActionPlan`: the invitation goes to people who have no plan
    yet, and a plan row made only to hold "mailed" would show as an empty draft."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("mail"), max_length=12, choices=PlanMail.choices)
    sent_at = models.DateTimeField(_("sent"))

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "person", "kind"], name="plan_mail_once_per_person"
            )
        ]
        verbose_name = _("plan mail sent")
        verbose_name_plural = _("plan mails sent")

    def __str__(self) -> str:
        return f"{self.person} · {self.visit} · {self.get_kind_display()}"
