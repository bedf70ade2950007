"""The methodology as data: activity formats, and visit templates kept as immutable versions.

Texts are translated with django-modeltranslation (`translation.py`): each text field has one
column per language, and reading `format.name` gives the reader's language, or English.
A template is edited by saving a new version; visits keep the version they were planned with.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from citypeers.methodology.guide import ROLES
from citypeers.programmes.models import Visit

Mode = Visit.Mode


class Stage(models.TextChoices):
    """Where in a visit a format fits; the planner fills days stage by stage."""

    OPENING = "opening", _("Opening")
    CONTEXT = "context", _("The host's context")
    EXCHANGE = "exchange", _("Peer exchange")
    SOLUTION = "solution", _("Solutions for the host")
    TRANSFER = "transfer", _("Transfer")
    REFLECTION = "reflection", _("Reflection")


class SessionRole(models.TextChoices):
    """Who a format needs in the session."""

    FACILITATOR = "facilitator", _("Facilitator")
    HOST = "host", _("Host team")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    EXPERT = "expert", _("Expert")
    TECHNICAL_HOST = "technical_host", _("Technical host")
    PARTICIPANTS = "participants", _("Participants")


class ActivityFormat(models.Model):
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position in the guide"), default=0)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    modes = models.JSONField(_("modes"), default=list)
    roles = models.JSONField(_("roles needed"), default=list)
    min_group = models.PositiveSmallIntegerField(_("smallest group"))
    max_group = models.PositiveSmallIntegerField(_("largest group"))
    min_minutes = models.PositiveSmallIntegerField(_("shortest, in minutes"))
    max_minutes = models.PositiveSmallIntegerField(_("longest, in minutes"))
    default_minutes = models.PositiveSmallIntegerField(_("usual length, in minutes"))
    # Translated (translation.py).
    name = models.CharField(_("name"), max_length=120)
    summary = models.CharField(_("summary"), max_length=300)
    purpose = models.TextField(_("purpose"))
    when = models.TextField(_("when it fits"))
    onsite = models.TextField(_("onsite"), blank=True)
    online = models.TextField(_("online"), blank=True)
    hybrid = models.TextField(_("hybrid"), blank=True)
    materials = models.TextField(_("materials and tools"), blank=True)
    accessibility = models.TextField(_("accessibility, language and inclusion"), blank=True)
    pitfalls = models.TextField(_("typical pitfalls"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name = _("activity format")
        verbose_name_plural = _("activity formats")
        constraints = [
            models.CheckConstraint(
                condition=Q(min_group__lte=models.F("max_group")), name="format_group_range"
            ),
            models.CheckConstraint(
                condition=Q(min_minutes__lte=models.F("default_minutes"))
                & Q(default_minutes__lte=models.F("max_minutes")),
                name="format_minutes_range",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("methodology:format", args=[self.slug])

    def variant(self, mode: str) -> str:
        return getattr(self, mode) if mode in Mode.values else ""

    @property
    def role_names(self) -> list[str]:
        return [role.label for role in SessionRole if role.value in self.roles]

    @property
    def mode_names(self) -> list[str]:
        return [mode.label for mode in Mode if mode.value in self.modes]


class FormatStep(models.Model):
    format = models.ForeignKey(ActivityFormat, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField(_("position"))
    minutes = models.PositiveSmallIntegerField(_("minutes"))
    text = models.TextField(_("what happens"))  # translated

    class Meta:
        ordering = ["format", "position"]
        verbose_name = _("format step")
        verbose_name_plural = _("format steps")

    def __str__(self) -> str:
        return f"{self.minutes} min: {self.text[:40]}"


class VisitTemplate(models.Model):
    """A kind of visit (online, onsite, hybrid); its content lives in its versions."""

    slug = models.SlugField(_("address"), max_length=80, unique=True)
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices)
    name = models.CharField(_("name"), max_length=120)  # translated
    summary = models.TextField(_("summary"))  # translated

    class Meta:
        ordering = ["slug"]
        verbose_name = _("visit template")
        verbose_name_plural = _("visit templates")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("methodology:template", args=[self.slug])


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


class Anchor(models.TextChoices):
    START = "start", _("the first day of the visit")
    END = "end", _("the last day of the visit")


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
    title = models.CharField(_("step"), max_length=200)
    deliverable = models.CharField(_("deliverable"), max_length=200, blank=True)
    checklist = models.TextField(_("checklist"), blank=True, help_text=_("One item a line."))

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


class DayKind(models.TextChoices):
    FIRST = "first", _("First day")
    MIDDLE = "middle", _("Each day in between")
    LAST = "last", _("Last day")


class AgendaItemTemplate(models.Model):
    """A session of the agenda skeleton: a format on a kind of day, for so many minutes."""

    version = models.ForeignKey(TemplateVersion, on_delete=models.CASCADE, related_name="agenda")
    key = models.CharField(_("key"), max_length=40)
    day = models.CharField(_("day"), max_length=10, choices=DayKind.choices)
    position = models.PositiveSmallIntegerField(_("position"))
    format = models.ForeignKey(
        ActivityFormat, verbose_name=_("format"), on_delete=models.PROTECT, related_name="+"
    )
    minutes = models.PositiveSmallIntegerField(_("minutes"))

    class Meta:
        ordering = ["version", "day", "position"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return f"{self.get_day_display()}: {self.format} ({self.minutes} min)"
