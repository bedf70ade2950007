"""A visit's tasks: the template's steps, dated for the visit, with an owner."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from citypeers.core.translated import TranslatedField
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
    # In every language of the step it was made from; the checklist one item a line.
    title = TranslatedField(_("task"), max_length=200)
    deliverable = TranslatedField(_("deliverable"), max_length=200, blank=True)
    checklist = TranslatedField(
        _("checklist"), blank=True, help_text=_("One item a line."), multiline=True
    )
    # The checklist's items ticked, by position (0 the first), so a tick holds in every
    # language and survives rewording an item.
    ticked = models.JSONField(_("ticked items"), default=list, blank=True)
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
        """The checklist in the reader's language, one item a line, blank lines left out."""
        return [line.strip() for line in self.checklist.splitlines() if line.strip()]

    @property
    def checklist_rows(self) -> list[tuple[int, str, bool]]:
        """Each item in the reader's language: (position, text, ticked)."""
        ticked = set(self.ticked or ())
        return [(n, item, n in ticked) for n, item in enumerate(self.checklist_items)]

    @property
    def checklist_length(self) -> int:
        """The most items any language has: the positions a tick may take."""
        return max(
            (
                len([line for line in text.splitlines() if line.strip()])
                for text in self.checklist.translations.values()
            ),
            default=0,
        )
