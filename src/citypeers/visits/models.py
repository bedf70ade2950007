"""A visit's delivery: the plan it was made from, its tasks and its agenda.

The visit itself (identity, host, dates) is `programmes.Visit`; this app adds what the
methodology produced for it. The plan keeps the template version it was made with, so later
edits of the template never change a planned visit.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from citypeers.methodology.enums import ROLES
from citypeers.methodology.models import ActivityFormat, TemplateVersion
from citypeers.programmes.models import Visit


class VisitPlan(models.Model):
    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="plan")
    template_version = models.ForeignKey(
        TemplateVersion,
        verbose_name=_("template version"),
        on_delete=models.PROTECT,
        related_name="visit_plans",
    )
    time_zone = models.CharField(_("time zone"), max_length=64)
    participants = models.PositiveSmallIntegerField(_("participants"))
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    practice = models.ForeignKey(
        "catalogue.Practice",
        verbose_name=_("good practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visit_plans",
    )
    countries = models.JSONField(_("participants' countries"), default=list, blank=True)
    agenda_published = models.BooleanField(_("agenda published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("visit plan")
        verbose_name_plural = _("visit plans")

    def __str__(self) -> str:
        return str(self.visit)


class VisitTask(models.Model):
    """A step of the template, dated for this visit, with an owner."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="tasks")
    phase = models.PositiveSmallIntegerField(_("phase"))
    position = models.PositiveSmallIntegerField(_("position"))
    role = models.CharField(
        _("responsible"), max_length=20, choices=[(role.key, role.name) for role in ROLES]
    )
    title = models.CharField(_("task"), max_length=200)
    deliverable = models.CharField(_("deliverable"), max_length=200, blank=True)
    checklist = models.TextField(_("checklist"), blank=True)
    due_on = models.DateField(_("due"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visit_tasks",
    )
    done_at = models.DateTimeField(_("done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reminded_on = models.DateField(_("last reminder"), null=True, blank=True)

    class Meta:
        ordering = ["visit", "due_on", "phase", "position"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [models.Index(fields=["done_at", "due_on"], name="visit_task_open_due")]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        return not self.is_done and self.due_on < (today or timezone.localdate())

    @property
    def checklist_items(self) -> list[str]:
        return [line.strip() for line in self.checklist.splitlines() if line.strip()]


class AgendaSession(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="sessions")
    day = models.PositiveSmallIntegerField(_("day"))
    starts_at = models.DateTimeField(_("starts"))  # UTC, shown in the visit's zone
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    format = models.ForeignKey(
        ActivityFormat, verbose_name=_("format"), on_delete=models.PROTECT, related_name="+"
    )
    groups = models.PositiveSmallIntegerField(_("parallel groups"), default=1)

    class Meta:
        ordering = ["visit", "starts_at"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self) -> str:
        return f"{self.format} ({self.starts_at:%Y-%m-%d %H:%M})"

    @property
    def ends_at(self) -> datetime.datetime:
        return self.starts_at + datetime.timedelta(minutes=self.minutes)
