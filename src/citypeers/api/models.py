"""Tokens that let a programme's own tools read its data not yet public through the API."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.programmes.models import Programme


class ApiToken(models.Model):
    """Only a SHA-256 of the secret is kept: the secret is shown once, when the token is made."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(_("name"), max_length=100)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    shown = models.CharField(_("begins with"), max_length=16, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["programme", "-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.shown}…)"

    def is_active(self, now) -> bool:
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)
