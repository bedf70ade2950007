"""Every offered language is complete: the interface, the messages of the packages we use,
the glossary and the shipped content; and every page address answers in its language."""

import re
import shutil
import subprocess
import sys

import polib
import pytest
from django.conf import settings
from django.utils import translation

from tests.i18n.catalogues import (
    LOCALE,
    PACKAGE,
    VENDOR_LOCALE,
    catalogue_problems,
    glossary_problems,
)
from tests.i18n.content import content_problems
from tests.i18n.vendor import required_entries

OFFERED = [code for code, _name in settings.LANGUAGES]
TRANSLATED = [code for code in OFFERED if code != settings.LANGUAGE_CODE]


@pytest.fixture(scope="module")
def fresh_catalogues(tmp_path_factory):
    """The shipped catalogues merged with the strings extracted from today's code."""
    copy = tmp_path_factory.mktemp("i18n") / "citypeers"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    command = [sys.executable, "-m", "django", "makemessages", "--no-location"]
    command += ["--ignore=migrations"]
    for code in TRANSLATED:
        command += ["-l", code]
    subprocess.run(command, cwd=copy, check=True, capture_output=True, timeout=300)
    return copy / "locale"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_of_the_code_is_translated_as_the_glossary_says(fresh_catalogues, language):
    problems = catalogue_problems(
        fresh_catalogues / language / "LC_MESSAGES" / "django.po", language
    )
    assert problems == [], f"{language}: python -m tests.i18n.catalogues {language}"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_shipped_catalogue_matches_the_code(fresh_catalogues, language):
    """The committed .po holds exactly the code's strings: `make messages` was run."""
    shipped = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    fresh = polib.pofile(str(fresh_catalogues / language / "LC_MESSAGES" / "django.po"))
    used = {entry.msgid for entry in fresh if not entry.obsolete}
    assert {entry.msgid for entry in shipped if not entry.obsolete} == used


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_glossary_has_every_term(language):
    assert glossary_problems(language) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_packages_messages_exist_where_the_packages_lack_the_language(language):
    required = required_entries(language)
    path = VENDOR_LOCALE / language / "LC_MESSAGES" / "django.po"
    if not required:
        return
    catalogue = {(e.msgctxt or "", e.msgid): e for e in polib.pofile(str(path))}
    assert sorted(set(required) - set(catalogue)) == []
    assert catalogue_problems(path, language, use_glossary=False) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_shipped_methodology_is_complete(language):
    assert content_problems(language) == []


@pytest.mark.django_db
@pytest.mark.parametrize("language", OFFERED)
def test_each_language_address_answers_in_its_language(client, language):
    page = client.get(f"/{language}/")
    assert page.status_code == 200
    assert re.search(rf'<html lang="{language}"', page.text)
    with translation.override(language):
        library = translation.gettext("Library")
        signed_out = translation.gettext("Sign in")
    if language != settings.LANGUAGE_CODE:
        assert library != "Library" or signed_out != "Sign in"
    assert f">{library}<" in page.text
