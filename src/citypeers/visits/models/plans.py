"""The plan a visit was made from: its template version, zone, people and topic."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.methodology.models import TemplateVersion
from citypeers.programmes.models import Visit


class VisitPlan(models.Model):
    visit = models.OneToOneField(Visit, on_delete=models.CASCADE, related_name="plan")
    template_version = models.ForeignKey(
        TemplateVersion,
        verbose_name=_("template version"),
        on_delete=models.PROTECT,
        related_name="visit_plans",
    )
    time_zone = models.CharField(_("time zone"), max_length=64)
    participants = models.PositiveSmallIntegerField(_("participants"))
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    practice = models.ForeignKey(
        "catalogue.Practice",
        verbose_name=_("good practice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="visit_plans",
    )
    countries = models.JSONField(_("participants' countries"), default=list, blank=True)
    agenda_published = models.BooleanField(_("agenda published"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("visit plan")
        verbose_name_plural = _("visit plans")

    def __str__(self) -> str:
        return str(self.visit)
