"""Every shipped locale translates every string the code and templates contain."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "citypeers"
SHIPPED = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory) -> Path:
    """The shipped catalogues merged with the strings extracted from today's code."""
    copy = tmp_path_factory.mktemp("i18n") / "citypeers"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    command = [
        sys.executable,
        "-m",
        "django",
        "makemessages",
        "--no-location",
        "--ignore=migrations",
    ]
    for code in SHIPPED:
        command += ["-l", code]
    subprocess.run(command, cwd=copy, check=True, capture_output=True, timeout=300)
    return copy / "locale"


@pytest.mark.parametrize("language", SHIPPED)
def test_every_string_is_translated(fresh_catalogues, language):
    catalogue = polib.pofile(str(fresh_catalogues / language / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert missing == [], f"untranslated in {language}: run makemessages and translate"
    assert fuzzy == [], f"fuzzy in {language}: review these translations"


@pytest.mark.parametrize("language", SHIPPED)
def test_shipped_catalogue_has_no_obsolete_or_stale_entries(fresh_catalogues, language):
    """The committed .po matches the code, so translators see exactly what users see."""
    shipped = polib.pofile(str(PACKAGE / "locale" / language / "LC_MESSAGES" / "django.po"))
    fresh = polib.pofile(str(fresh_catalogues / language / "LC_MESSAGES" / "django.po"))
    used = {entry.msgid for entry in fresh if not entry.obsolete}
    assert {entry.msgid for entry in shipped if not entry.obsolete} == used
