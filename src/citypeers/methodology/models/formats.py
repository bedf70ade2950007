"""Activity formats: the session formats of the guide, and their timed steps."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from citypeers.core.translated import TranslatedField
from citypeers.methodology.enums import Mode, SessionRole, Stage

# A format's texts, each in every language (core.translated).
FORMAT_TEXTS = (
    "name",
    "summary",
    "purpose",
    "when",
    "onsite",
    "online",
    "hybrid",
    "materials",
    "accessibility",
    "pitfalls",
)


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
    # Where it may sit in a visit: [{"rule": PlacementRule, "format": slug (right_after),
    # "modes": [...] (only in these modes; none: every mode)}]. The planner applies and checks
    # them; the format's page says them in words.
    placement = models.JSONField(_("placement rules"), default=list, blank=True)
    # Translated.
    name = TranslatedField(_("name"), max_length=120)
    summary = TranslatedField(_("summary"), max_length=300)
    purpose = TranslatedField(_("purpose"), multiline=True)
    when = TranslatedField(_("when it fits"), multiline=True)
    onsite = TranslatedField(_("onsite"), blank=True, multiline=True)
    online = TranslatedField(_("online"), blank=True, multiline=True)
    hybrid = TranslatedField(_("hybrid"), blank=True, multiline=True)
    materials = TranslatedField(_("materials and tools"), blank=True, multiline=True)
    accessibility = TranslatedField(
        _("accessibility, language and inclusion"), blank=True, multiline=True
    )
    pitfalls = TranslatedField(_("typical pitfalls"), blank=True, multiline=True)
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
    text = TranslatedField(_("what happens"), multiline=True)

    class Meta:
        ordering = ["format", "position"]
        verbose_name = _("format step")
        verbose_name_plural = _("format steps")

    def __str__(self) -> str:
        return f"{self.minutes} min: {self.text[:40]}"
