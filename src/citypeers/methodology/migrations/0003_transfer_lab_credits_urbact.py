"""The Transfer lab card credits URBACT, whose transfer method its three steps are.

`load_methodology` never overwrites a card already in the database, so databases loaded before
the credit was written get it here, in each language whose text is still exactly the one shipped
(recognised by its hash); a text a coordinator has edited is left as they wrote it. Backwards,
the credit goes again.
"""

import hashlib

from django.db import migrations
from django.utils import timezone

SHIPPED_SHA256 = {
    "en": "2a24fe49efc7bd9d97f4608a492bd0ee6bb6b79369e5ec7b74cc86b8d6db3c73",
    "fr": "9db0769f4479e0c09acd31ed358799d783945039183cca6c064dd876994a38c2",
}
CREDIT = {
    "en": (
        "\n\nThe three steps are URBACT's transfer method: its Transfer Networks help cities "
        "adopt another city's good practice by understanding it, adapting it and re-using it "
        "([URBACT](http://urbact.eu/good-practice-call-soon-be-launched)). This lab is a short, "
        "single-session version of that method."
    ),
    "fr": (
        "\n\nCes trois étapes sont la méthode de transfert d'URBACT : ses réseaux de transfert "
        "aident des villes à adopter la bonne pratique d'une autre ville en la comprenant, en "
        "l'adaptant et en la réutilisant "
        "([URBACT](http://urbact.eu/good-practice-call-soon-be-launched)). Ce laboratoire en est "
        "une version courte, en une seule séance."
    ),
}


def _sha256(text: str | None) -> str:
    return hashlib.sha256((text or "").encode()).hexdigest()


def credit_urbact(apps, schema_editor):
    ActivityFormat = apps.get_model("methodology", "ActivityFormat")
    for card in ActivityFormat.objects.filter(slug="transfer-lab"):
        changed = [
            language
            for language, shipped in SHIPPED_SHA256.items()
            if _sha256(getattr(card, f"purpose_{language}")) == shipped
        ]
        for language in changed:
            field = f"purpose_{language}"
            setattr(card, field, getattr(card, field) + CREDIT[language])
        if changed:
            card.updated_at = timezone.now()  # the guide's PDF is made again
            card.save()


def remove_credit(apps, schema_editor):
    ActivityFormat = apps.get_model("methodology", "ActivityFormat")
    for card in ActivityFormat.objects.filter(slug="transfer-lab"):
        for language, credit in CREDIT.items():
            text = getattr(card, f"purpose_{language}") or ""
            if text.endswith(credit):
                setattr(card, f"purpose_{language}", text.removesuffix(credit))
        card.save()


class Migration(migrations.Migration):
    dependencies = [("methodology", "0002_roles_the_method_names")]

    operations = [migrations.RunPython(credit_urbact, remove_credit)]
