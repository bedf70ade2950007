"""The strings of the packages citypeers shows to people, for languages those packages lack.

Django, its auth and humanize apps, allauth and django-countries speak most of our languages,
not all (Django has no Maltese; allauth and django-countries no Irish, Maltese or Portugal's
Portuguese). Their messages in those languages live in `locale_vendor/`, which LOCALE_PATHS
puts after our own catalogues and before every package's.
"""

from pathlib import Path

import allauth
import django
import django_countries
import polib
from django.utils.translation import to_locale

DJANGO = Path(django.__file__).parent
UPSTREAM = {
    "django": DJANGO / "conf" / "locale",
    "django.contrib.auth": DJANGO / "contrib" / "auth" / "locale",
    "django.contrib.humanize": DJANGO / "contrib" / "humanize" / "locale",
    "allauth": Path(allauth.__file__).parent / "locale",
    "django_countries": Path(django_countries.__file__).parent / "locale",
}


def has_catalogue(folder: Path, language: str) -> bool:
    messages = folder / to_locale(language) / "LC_MESSAGES"
    return (messages / "django.mo").exists() or (messages / "django.po").exists()


def lacking(language: str) -> list[str]:
    """The packages with no catalogue in this language."""
    return [name for name, folder in UPSTREAM.items() if not has_catalogue(folder, language)]


def required_entries(language: str) -> dict[tuple[str, str], polib.POEntry]:
    """Every message of the lacking packages, by (context, msgid), from their English files."""
    entries = {}
    for name in lacking(language):
        for entry in polib.pofile(str(UPSTREAM[name] / "en" / "LC_MESSAGES" / "django.po")):
            if entry.msgid and not entry.obsolete:
                entries.setdefault((entry.msgctxt or "", entry.msgid), entry)
    return entries
