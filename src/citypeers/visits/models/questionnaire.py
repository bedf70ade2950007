"""The pre-visit questionnaire: one answer per person and visit, editable until it starts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.programmes.models import Visit


class QuestionnaireAnswer(models.Model):
    """What a person brings to a visit and needs there; shared with the other participants
    (name, organisation, city, challenge) only when they say so."""

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="questionnaires"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="questionnaires",
    )
    expectations = models.TextField(_("what you expect from the visit"), blank=True)
    challenge = models.TextField(_("a challenge you bring"), blank=True)
    can_share = models.TextField(_("what you can share"), blank=True)
    dietary_needs = models.TextField(_("dietary needs"), blank=True)
    access_needs = models.TextField(_("access needs"), blank=True)
    other_needs = models.TextField(_("other practical needs"), blank=True)
    shares_with_participants = models.BooleanField(
        _("share my name, organisation, city and challenge with the other participants"),
        default=False,
    )
    submitted_at = models.DateTimeField(_("submitted"))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    # What the person writes and ticks (the form's fields; what the service saves).
    ANSWER_FIELDS = (
        "expectations",
        "challenge",
        "can_share",
        "dietary_needs",
        "access_needs",
        "other_needs",
        "shares_with_participants",
    )

    class Meta:
        ordering = ["visit", "submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "person"], name="questionnaire_one_answer_per_person"
            )
        ]
        verbose_name = _("questionnaire answer")
        verbose_name_plural = _("questionnaire answers")

    def __str__(self) -> str:
        return f"{self.person} → {self.visit}"

    @property
    def practical_needs(self) -> list[str]:
        """The needs the team prepares for, each as written."""
        return [n for n in (self.dietary_needs, self.access_needs, self.other_needs) if n]
