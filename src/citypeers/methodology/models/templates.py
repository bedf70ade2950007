"""Visit templates, kept as immutable versions of steps and an agenda skeleton."""

import re

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from citypeers.core.translated import TranslatedField
from citypeers.methodology.enums import ROLES, Anchor, DayKind, Mode
from citypeers.methodology.models.formats import ActivityFormat

# A version's figures: edited together, compared between versions.
VERSION_FIGURES = (
    "min_days",
    "max_days",
    "default_days",
    "daily_minutes_max",
    "default_participants",
    "session_start",
    "first_day_start",
)

# A step's texts, each in every language (core.translated).
STEP_TEXTS = ("title", "deliverable", "checklist")


class VisitTemplate(models.Model):
    """A kind of visit (online, onsite, hybrid); its content lives in its versions."""

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    name = TranslatedField(_("name"), max_length=120)
    summary = TranslatedField(_("summary"), multiline=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("visit template")
        verbose_name_plural = _("visit templates")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("methodology:template", args=[self.slug])

    @property
    def is_light(self) -> bool:
        """A mode's main template has the mode's name as its address (online, onsite, hybrid);
        any other is a light format for small groups, planned without a call."""
        return self.slug != self.mode

    @property
    def purpose(self) -> str:
        """The summary's first sentence, which says when to choose the template."""
        first = self.summary.strip().split("\n", 1)[0]
        match = re.match(r"(.+?[.!?])(\s|$)", first)
        return match.group(1) if match else first


class TemplateVersion(models.Model):
    """One saved state of a template; never changed once written."""

    template = models.ForeignKey(VisitTemplate, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(_("saved"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("what changed"), max_length=300, blank=True)
    min_days = models.PositiveSmallIntegerField(_("fewest days"))
    max_days = models.PositiveSmallIntegerField(_("most days"))
    default_days = models.PositiveSmallIntegerField(_("usual number of days"))
    daily_minutes_max = models.PositiveSmallIntegerField(
        _("most minutes of sessions a day"), help_text=_("0 for no limit.")
    )
    default_participants = models.PositiveSmallIntegerField(_("usual number of participants"))
    session_start = models.TimeField(_("usual start of the day's sessions"))
    first_day_start = models.TimeField(
        _("start of the first day"),
        null=True,
        blank=True,
        help_text=_("Empty: as every day. Onsite: after lunch, so people can travel that morning."),
    )

    class Meta:
        ordering = ["template", "-number"]
        verbose_name = _("template version")
        verbose_name_plural = _("template versions")
        constraints = [
            models.UniqueConstraint(fields=["template", "number"], name="template_version_unique"),
            models.CheckConstraint(
                condition=Q(min_days__lte=models.F("default_days"))
                & Q(default_days__lte=models.F("max_days")),
                name="template_days_range",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.template} v{self.number}"

    def get_absolute_url(self) -> str:
        return reverse("methodology:template_version", args=[self.template.slug, self.number])


class StepTemplate(models.Model):
    """A step of a phase: who, when relative to the visit, what it leaves, what to check."""

    version = models.ForeignKey(TemplateVersion, on_delete=models.CASCADE, related_name="steps")
    key = models.CharField(_("key"), max_length=40)  # the same step across versions
    phase = models.PositiveSmallIntegerField(_("phase"))
    position = models.PositiveSmallIntegerField(_("position"))
    role = models.CharField(
        _("responsible"), max_length=20, choices=[(role.key, role.name) for role in ROLES]
    )
    anchor = models.CharField(_("counted from"), max_length=10, choices=Anchor.choices)
    offset_days = models.SmallIntegerField(_("days from it"), help_text=_("Negative: before."))
    # Translated.
    title = TranslatedField(_("step"), max_length=200)
    deliverable = TranslatedField(_("deliverable"), max_length=200, blank=True)
    checklist = TranslatedField(
        _("checklist"), blank=True, help_text=_("One item a line."), multiline=True
    )

    class Meta:
        ordering = ["version", "phase", "position"]
        verbose_name = _("step")
        verbose_name_plural = _("steps")

    def __str__(self) -> str:
        return self.title

    @property
    def when_text(self) -> str:
        days = abs(self.offset_days)
        start = self.anchor == Anchor.START
        if not days:
            return gettext("on the first day") if start else gettext("on the last day")
        if self.offset_days < 0:
            if start:
                text = ngettext(
                    "%(days)s day before the start", "%(days)s days before the start", days
                )
            else:
                text = ngettext("%(days)s day before the end", "%(days)s days before the end", days)
        elif start:
            text = ngettext("%(days)s day after the start", "%(days)s days after the start", days)
        else:
            text = ngettext("%(days)s day after the end", "%(days)s days after the end", days)
        return text % {"days": days}

    @property
    def checklist_items(self) -> list[str]:
        return [line.strip() for line in self.checklist.splitlines() if line.strip()]


class AgendaItemTemplate(models.Model):
    """A session of the agenda skeleton: a format on a kind of day, for so many minutes."""

    version = models.ForeignKey(TemplateVersion, on_delete=models.CASCADE, related_name="agenda")
    key = models.CharField(_("key"), max_length=40)
    day = models.CharField(_("day"), max_length=12, choices=DayKind.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    format = models.ForeignKey(
        ActivityFormat, verbose_name=_("format"), on_delete=models.PROTECT, related_name="+"
    )
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    leave_out = models.PositiveSmallIntegerField(
        _("left out when time is short"),
        default=0,
        help_text=_(
            "Online and hybrid: 0 keeps it always; while the minutes asked are too few, 1 is "
            "left out first, then 2, and so on."
        ),
    )

    class Meta:
        ordering = ["version", "day", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return f"{self.get_day_display()}: {self.format} ({self.minutes} min)"
