"""Every mail to a person is in the language they chose for their pages and e-mails, else the
first offered language they speak (`core.notifications.mail_language`)."""

import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core import mail

from citypeers.core.notifications import mail_language, send_templated_mail
from tests.factories import MembershipFactory

SRC = Path(__file__).resolve().parents[2] / "src" / "citypeers"
EU_AND_UKRAINIAN = [
    (code, code)
    for code in "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv uk".split()
]


@pytest.mark.parametrize(
    ("chosen", "spoken", "language"),
    [
        ("fr", ["en"], "fr"),  # the choice wins over what they speak
        ("en", ["fr"], "en"),
        ("", ["is", "fr"], "fr"),  # no choice: the first offered language spoken
        ("", ["fi", "fr"], "fi"),
        ("", [], "en"),  # nothing known: the default
        ("is", ["fr"], "fr"),  # a choice not offered is left aside
    ],
)
def test_a_mail_speaks_the_chosen_language_else_one_spoken(chosen, spoken, language):
    assert mail_language(SimpleNamespace(language=chosen, languages=spoken)) == language


def test_a_language_offered_later_can_be_chosen(settings):
    settings.LANGUAGES = EU_AND_UKRAINIAN
    assert mail_language(SimpleNamespace(language="mt", languages=["en"])) == "mt"


@pytest.mark.django_db
def test_a_templated_mail_and_its_link_are_in_the_chosen_language(settings):
    settings.SITE_URL = "https://peers.example.org"
    membership = MembershipFactory(
        user__language="fr", user__languages=["en"], programme__slug="chia"
    )
    send_templated_mail(
        to=membership.user,
        template="programmes/email/membership_added",
        context={"membership": membership},
        link=("programmes:detail", {"slug": "chia"}),
    )
    [message] = mail.outbox
    assert message.subject.startswith("Votre rôle")
    assert "https://peers.example.org/fr/programmes/chia/" in message.body


def test_no_mail_picks_its_language_another_way():
    """One rule for every mail: the apps ask `mail_language`, never the spoken languages."""
    found = [
        f"{path.relative_to(SRC)}: {line.strip()}"
        for path in SRC.rglob("*.py")
        if path.name != "notifications.py"
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"preferred_language\(|override\([^)]*\.languages", line)
    ]
    assert found == []
