"""Whom an interpreter interprets for on a visit: the breakout groups keep the two together."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.programmes.models import Visit


class Interpreting(models.Model):
    """An interpreter of the visit and the participant they interpret for; one each."""

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="interpreting"
    )
    interpreter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("interpreter"),
        on_delete=models.CASCADE,
        related_name="interpreting_for",
    )
    participant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="interpreted_by",
    )
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
        ordering = ["visit", "interpreter"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "interpreter"], name="interpreting_one_per_interpreter"
            ),
            models.CheckConstraint(
                condition=~models.Q(interpreter=models.F("participant")),
                name="interpreting_not_for_oneself",
            ),
        ]
        verbose_name = _("interpreting")
        verbose_name_plural = _("interpreting")

    def __str__(self) -> str:
        return f"{self.interpreter} → {self.participant} ({self.visit})"
