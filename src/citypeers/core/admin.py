from django.contrib import admin

from citypeers.core.models import AuditAnchor, AuditEntry, OutboxMessage


@admin.register(OutboxMessage)
class OutboxMessageAdmin(admin.ModelAdmin):
    list_display = ["subject", "to", "sent_at"]
    search_fields = ["subject", "to", "body"]
    date_hierarchy = "sent_at"
    readonly_fields = ["sent_at", "from_email", "to", "subject", "body", "html_body"]

    def has_add_permission(self, request) -> bool:
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Staff read the audit trail here and nothing more: it is append-only (no bulk delete
    action either); only erasure and retention change it, in `core.audit`."""

    actions = None

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "actor", "action", "object_repr", "programme_id", "ip_address"]
    list_filter = ["action", "object_type"]
    search_fields = ["object_repr", "actor__email", "action"]
    date_hierarchy = "at"
    list_select_related = ["actor"]


@admin.register(AuditAnchor)
class AuditAnchorAdmin(ReadOnlyAdmin):
    list_display = ["at", "last_pruned_id", "pruned", "chain_hash"]
