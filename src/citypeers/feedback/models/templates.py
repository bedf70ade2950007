"""Survey templates: what is asked at each moment of a visit, kept as immutable versions.

A programme may have its own template for a moment and audience; otherwise the house's
(`programme` empty) is used. A version that a survey was sent with never changes: editing a
template makes a new version, so results always show the questions people really answered."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from citypeers.core.translated import TranslatedField
from citypeers.feedback.enums import Audience, KirkpatrickLevel, Moment, QuestionKind
from citypeers.programmes.models import Programme


class SurveyTemplate(models.Model):
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="survey_templates",
        help_text=_("Empty: the house template every programme starts from."),
    )
    moment = models.CharField(_("moment"), max_length=12, choices=Moment.choices)
    audience = models.CharField(_("audience"), max_length=12, choices=Audience.choices)
    title = TranslatedField(_("title"), max_length=200)

    class Meta:
        ordering = ["programme", "moment", "audience"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "moment", "audience"],
                condition=Q(programme__isnull=False),
                name="survey_template_one_per_programme_moment",
            ),
            models.UniqueConstraint(
                fields=["moment", "audience"],
                condition=Q(programme__isnull=True),
                name="survey_template_one_house_per_moment",
            ),
        ]
        verbose_name = _("survey template")
        verbose_name_plural = _("survey templates")

    def __str__(self) -> str:
        return self.title


class SurveyTemplateVersion(models.Model):
    template = models.ForeignKey(SurveyTemplate, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    introduction = TranslatedField(_("introduction"), blank=True, multiline=True)
    change_note = models.CharField(_("what changed"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["template", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "number"], name="survey_template_version_unique"
            )
        ]
        verbose_name = _("survey template version")
        verbose_name_plural = _("survey template versions")

    def __str__(self) -> str:
        return f"{self.template} v{self.number}"


class Question(models.Model):
    version = models.ForeignKey(
        SurveyTemplateVersion, on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    key = models.SlugField(_("key"), max_length=40)  # the same question across versions
    text = TranslatedField(_("question"), max_length=300)
    help_text = TranslatedField(_("help"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=14, choices=QuestionKind.choices)
    level = models.PositiveSmallIntegerField(
        _("Kirkpatrick level"), choices=KirkpatrickLevel.choices
    )
    required = models.BooleanField(_("required"), default=False)
    choices = TranslatedField(_("choices"), blank=True, text=False)  # CHOICE only: labels

    class Meta:
        ordering = ["version", "position"]
        constraints = [
            models.UniqueConstraint(fields=["version", "key"], name="question_key_unique"),
        ]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.text
