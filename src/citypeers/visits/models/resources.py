"""What a session leaves behind for people (slides, recordings, as links), each with the
licence it may be reused under and who may see it."""

from django.conf import settings
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.visits.enums import (
    LICENCE_DEEDS,
    RESOURCE_SCHEMES,
    RESOURCE_URL_MAX_LENGTH,
    VISIBILITY_BADGES,
    ResourceLicence,
    ResourceVisibility,
)
from citypeers.visits.models.agenda import AgendaSession


class SessionResource(models.Model):
    session = models.ForeignKey(
        AgendaSession, on_delete=models.CASCADE, related_name="resource_items"
    )
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(
        _("link"),
        max_length=RESOURCE_URL_MAX_LENGTH,
        validators=[URLValidator(schemes=list(RESOURCE_SCHEMES))],
    )
    licence = models.CharField(
        _("licence"),
        max_length=32,
        choices=ResourceLicence.choices,
        default=ResourceLicence.UNKNOWN,
    )
    visibility = models.CharField(
        _("visible to"),
        max_length=16,
        choices=ResourceVisibility.choices,
        default=ResourceVisibility.VISIT,
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        ordering = ["session", "position", "pk"]
        verbose_name = _("session resource")
        verbose_name_plural = _("session resources")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(licence__in=ResourceLicence.values),
                name="visits_resource_licence_known",
            ),
            models.CheckConstraint(
                condition=models.Q(visibility__in=ResourceVisibility.values),
                name="visits_resource_visibility_known",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def licence_url(self) -> str:
        """The licence's deed, for the Creative Commons ones; else empty."""
        return LICENCE_DEEDS.get(self.licence, "")

    @property
    def visibility_badge(self) -> str:
        return VISIBILITY_BADGES.get(self.visibility, self.visibility)
