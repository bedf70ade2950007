"""Recommendations for the host, collected by the visit's team in the solution-building
session, and the host's answer to each."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.programmes.models import Visit
from citypeers.visits.enums import RecommendationStatus


class Recommendation(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="recommendations")
    text = models.TextField(_("recommendation"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=RecommendationStatus.choices,
        default=RecommendationStatus.OPEN,
    )
    answer = models.TextField(_("host's answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.text[:80]
