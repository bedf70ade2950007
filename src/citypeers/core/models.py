import contextlib
import contextvars

from django.conf import settings
from django.db import connection, models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutboxMessage(models.Model):
    """An e-mail the platform sent, kept so staff (and demo users) can read it."""

    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True, db_index=True)
    from_email = models.CharField(_("from"), max_length=320)
    to = models.TextField(_("to"), help_text=_("Recipients, one a line."))
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML"), blank=True)

    class Meta:
        ordering = ["-sent_at", "-pk"]
        verbose_name = _("sent e-mail")
        verbose_name_plural = _("sent e-mails")

    def __str__(self) -> str:
        return self.subject

    @property
    def recipients(self) -> list[str]:
        return self.to.splitlines()


class AuditTrailIsAppendOnly(Exception):
    """An audit entry was to be changed or deleted outside the two sanctioned paths."""


# Set only inside `core.audit`'s erasure and retention (and the demo's dating of its past).
_sanctioned: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "audit_sanctioned", default=False
)


# On PostgreSQL a trigger (migration 0005) refuses the same outside the block too, whatever
# code or SQL tries; the block says so to it for the rest of its transaction only.
REWRITE_SETTING = "citypeers.audit_rewrite"


def _tell_database(allowed: bool) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT set_config(%s, %s, true)", [REWRITE_SETTING, "on" if allowed else "off"]
            )


@contextlib.contextmanager
def audit_rewrite_sanctioned():
    """Lets the block change or delete audit entries; the only callers are in `core.audit`,
    inside a transaction."""
    token = _sanctioned.set(True)
    _tell_database(True)
    try:
        yield
    finally:
        _sanctioned.reset(token)
        if not connection.needs_rollback:
            _tell_database(False)


def _refuse_unless_sanctioned(what: str) -> None:
    if not _sanctioned.get():
        raise AuditTrailIsAppendOnly(f"The audit trail is append-only: {what} refused.")


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        _refuse_unless_sanctioned("update")
        return super().update(**kwargs)

    def delete(self):
        _refuse_unless_sanctioned("delete")
        return super().delete()

    def bulk_create(self, *args, **kwargs):
        raise AuditTrailIsAppendOnly("Audit entries are written one by one by log_action.")


class AuditEntry(models.Model):
    """Who did what to which object, when and from where: the trail coordinators read.

    Append-only and chained (`core.audit_chain`): written only by `core.audit.log_action`,
    changed only by erasure (`redact_about_person`) and removed only by retention
    (`prune_before`).
    """

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    # PROTECT: the chain hashes who acted, so a person is erased as an anonymised tombstone
    # rather than deleted (which would change, or lose, the actor of their entries).
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=100, db_index=True)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=200)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    # Not a foreign key: core sits below programmes.
    programme_id = models.PositiveIntegerField(_("programme"), null=True, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True)
    user_agent = models.CharField(_("browser"), max_length=200, blank=True)
    content_digest = models.CharField(
        _("content digest"), max_length=64, default="", editable=False
    )
    chain_hash = models.CharField(_("chain hash"), max_length=64, default="", editable=False)
    redacted_at = models.DateTimeField(_("redacted"), null=True, blank=True, editable=False)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["object_type", "object_id"])]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")

    def __str__(self) -> str:
        return f"{self.action} {self.object_repr}"

    def save(self, *args, **kwargs):
        if self.pk is not None or not self.chain_hash:
            _refuse_unless_sanctioned("a change or an unchained entry")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        _refuse_unless_sanctioned("delete")
        return super().delete(*args, **kwargs)


class AuditAnchor(models.Model):
    """Where the chain of the remaining entries starts once older ones were pruned."""

    at = models.DateTimeField(_("when"), default=timezone.now)
    chain_hash = models.CharField(_("chain hash"), max_length=64)
    last_pruned_id = models.PositiveBigIntegerField(_("last pruned entry"))
    pruned = models.PositiveIntegerField(_("entries pruned"))

    class Meta:
        ordering = ["-pk"]
        verbose_name = _("audit trail anchor")
        verbose_name_plural = _("audit trail anchors")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d} #{self.last_pruned_id}"
