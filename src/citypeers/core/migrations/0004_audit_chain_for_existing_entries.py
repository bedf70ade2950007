"""Chains the entries written before the trail was chained, oldest first."""

from django.db import migrations

from citypeers.core.audit_chain import GENESIS, chained, content_of, digest_of


def chain_existing(apps, schema_editor):
    AuditEntry = apps.get_model("core", "AuditEntry")
    previous, batch = GENESIS, []
    for entry in AuditEntry.objects.order_by("pk").iterator(chunk_size=2000):
        entry.content_digest = digest_of(content_of(entry))
        entry.chain_hash = previous = chained(previous, entry.content_digest)
        batch.append(entry)
        if len(batch) == 2000:
            AuditEntry.objects.bulk_update(batch, ["content_digest", "chain_hash"])
            batch = []
    AuditEntry.objects.bulk_update(batch, ["content_digest", "chain_hash"])


class Migration(migrations.Migration):
    dependencies = [("core", "0003_audit_trail_chain")]

    operations = [migrations.RunPython(chain_existing, migrations.RunPython.noop)]
