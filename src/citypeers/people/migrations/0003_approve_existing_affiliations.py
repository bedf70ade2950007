"""Organisations people had picked before affiliations were verified count as approved: they
were given to the demo's accounts and its history that way, and taking them away would change
who may host, apply or review. Backwards, the records go and the profiles stay."""

from django.db import migrations
from django.utils import timezone


def approve_existing(apps, schema_editor):
    User = apps.get_model("people", "User")
    Affiliation = apps.get_model("people", "Affiliation")
    now = timezone.now()
    people = User.objects.exclude(organisation=None).exclude(
        affiliations__state="approved"
    )
    Affiliation.objects.bulk_create(
        Affiliation(
            user_id=user_id,
            organisation_id=organisation_id,
            state="approved",
            source="granted",
            requested_at=joined,
            decided_at=now,
            reason="Chosen in the profile before affiliations were verified.",
        )
        for user_id, organisation_id, joined in people.values_list(
            "pk", "organisation_id", "date_joined"
        ).iterator()
    )


def forget(apps, schema_editor):
    apps.get_model("people", "Affiliation").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("people", "0002_affiliation_requests_and_email_domains")]

    operations = [migrations.RunPython(approve_existing, forget)]
