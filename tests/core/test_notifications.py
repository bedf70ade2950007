import pytest
from django.core import mail

from citypeers.core.notifications import preferred_language, send_templated_mail
from tests.factories import MembershipFactory


@pytest.mark.parametrize(
    ("spoken", "chosen"),
    [
        (["fr", "en"], "fr"),
        (["is", "fr"], "fr"),  # Icelandic is not offered: the next one
        (["ca", "en"], "en"),
        (["fi", "en"], "fi"),
        (["is"], "en"),
        ([], "en"),
    ],
)
def test_mail_goes_out_in_the_first_shipped_language_a_person_speaks(spoken, chosen):
    assert preferred_language(spoken) == chosen


@pytest.mark.django_db
def test_a_templated_mail_links_back_absolutely_in_the_readers_language(settings):
    settings.SITE_URL = "https://peers.example.org"
    membership = MembershipFactory(user__languages=["fr"], programme__slug="chia")
    send_templated_mail(
        to=membership.user,
        template="programmes/email/membership_added",
        context={"membership": membership},
        link=("programmes:detail", {"slug": "chia"}),
    )
    [message] = mail.outbox
    assert message.to == [membership.user.email]
    assert "https://peers.example.org/fr/programmes/chia/" in message.body
    assert "\n" not in message.subject


@pytest.mark.django_db
def test_a_name_with_a_line_break_cannot_add_a_header_to_a_mail():
    """Stored before titles were cleaned, or typed in the admin: the subject stays one line
    (Django's mail would refuse it; a lax server would read a `Bcc:` header)."""
    membership = MembershipFactory(programme__name="CHiA\r\nBcc: spy@example.org")
    send_templated_mail(
        to=membership.user,
        template="programmes/email/membership_added",
        context={"membership": membership},
    )
    [message] = mail.outbox
    assert message.subject.startswith("Your role in CHiA Bcc: spy@example.org:")
    assert message.bcc == []
    assert message.message()["Bcc"] is None


@pytest.mark.django_db
def test_a_templated_mail_carries_its_attachments_and_sends_none_by_default():
    membership = MembershipFactory()
    ics = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    send_templated_mail(
        to=membership.user,
        template="programmes/email/membership_added",
        context={"membership": membership},
        attachments=[("visit.ics", ics, "text/calendar")],
    )
    send_templated_mail(
        to=membership.user,
        template="programmes/email/membership_added",
        context={"membership": membership},
    )
    with_file, without = mail.outbox
    [(name, content, mimetype)] = with_file.attachments
    assert (name, mimetype) == ("visit.ics", "text/calendar")
    assert content.replace("\r\n", "\n") == ics.decode().replace("\r\n", "\n")
    parts = [part.get_filename() for part in with_file.message().walk()]
    assert "visit.ics" in parts
    assert without.attachments == []
