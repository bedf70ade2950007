"""A visit's tasks: the template's steps, dated for the visit, with an owner."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from citypeers.methodology.enums import ROLES
from citypeers.programmes.models import Visit


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
