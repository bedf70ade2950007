"""Breakout groups of a session: one plan per session, and a seat per person and round.

The plain core (`visits.breakouts`) plans on dataclasses; these rows keep what it returned, so
the page, the exports and each participant's "your group" read them without solving again.
Rounds and groups are counted from 0 here, as in the core, and shown from 1."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.visits.models.agenda import AgendaSession


class BreakoutPlan(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Being made")
        DONE = "done", _("Ready")
        FAILED = "failed", _("Failed")

    session = models.OneToOneField(
        AgendaSession,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="breakout_plan",
    )
    rounds = models.PositiveSmallIntegerField(_("rounds"))
    size = models.PositiveSmallIntegerField(_("people per group"))
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    error = models.TextField(_("error"), blank=True)
    # The solver's figures, recounted after each hand move or re-plan.
    repeated_pairs = models.PositiveIntegerField(_("repeated pairs"), null=True, blank=True)
    lower_bound = models.PositiveIntegerField(_("proven lower bound"), null=True, blank=True)
    method = models.TextField(_("method"), blank=True)
    seed = models.PositiveIntegerField(_("seed"), default=0)
    time_limit_s = models.FloatField(_("time limit (seconds)"), default=5.0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("breakout plan")
        verbose_name_plural = _("breakout plans")

    def __str__(self) -> str:
        return f"{self.session} ({self.rounds} rounds of {self.size})"


class BreakoutSeat(models.Model):
    """A person in a group of a round; a person absent from a round has no seat in it."""

    plan = models.ForeignKey(BreakoutPlan, on_delete=models.CASCADE, related_name="seats")
    round_index = models.PositiveSmallIntegerField(_("round"))
    group_index = models.PositiveSmallIntegerField(_("group"))
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="breakout_seats",
    )
    # As the core plans them (`visits.breakouts.Kind`, a layer above models).
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=[
            ("participant", _("Participant")),
            ("facilitator", _("Facilitator")),
            ("interpreter", _("Interpreter")),
        ],
        default="participant",
    )

    class Meta:
        ordering = ["plan", "round_index", "group_index", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "round_index", "person"], name="one_seat_per_person_and_round"
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.round_index + 1}/{self.group_index + 1}"
