"""Selection runs and the pins and exclusions coordinators set."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.calls.models.call import Call


class SelectionRun(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to run")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="selection_runs")
    number = models.PositiveIntegerField(_("run"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    # When a worker began solving it; a run still running long after lost its worker.
    started_at = models.DateTimeField(_("solving since"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    instance = models.JSONField(_("what the optimiser was given"))
    result = models.JSONField(_("what it found"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    # Set on the run whose decisions applicants were sent; freed places are re-checked against
    # its quotas.
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["call", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["call", "number"], name="selection_run_number")
        ]
        verbose_name = _("selection run")
        verbose_name_plural = _("selection runs")

    def __str__(self) -> str:
        return f"{self.call} #{self.number}"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.DONE, self.Status.FAILED}


class SelectionOverride(models.Model):
    """A coordinator's decision the optimiser must follow: a person pinned to a visit, or
    left out, with the reason, for every later run."""

    class Kind(models.TextChoices):
        PIN = "pin", _("Pin to a visit")
        EXCLUDE = "exclude", _("Leave out")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="selection_overrides")
    application = models.ForeignKey(
        "calls.Application", on_delete=models.CASCADE, related_name="selection_overrides"
    )
    kind = models.CharField(_("decision"), max_length=10, choices=Kind.choices)
    visit = models.ForeignKey(
        "programmes.Visit", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("why"), max_length=300)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["call", "application"], name="one_override_each")
        ]
        verbose_name = _("selection decision by hand")
        verbose_name_plural = _("selection decisions by hand")

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.application}"
