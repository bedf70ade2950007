import datetime

import pytest
from django.urls import reverse

from citypeers.core.models import OutboxMessage
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LATE_EVENING_UTC = datetime.datetime(2026, 3, 1, 23, 30, tzinfo=datetime.UTC)


@pytest.fixture
def message(db):
    message = OutboxMessage.objects.create(
        from_email="noreply@example.org", to="ana@example.org", subject="Hello", body="Hi"
    )
    OutboxMessage.objects.filter(pk=message.pk).update(sent_at=LATE_EVENING_UTC)
    return message


def sent_shown_to(client, person, message) -> str:
    client.force_login(person)
    return client.get(reverse("core:outbox_message", args=[message.pk])).text


def test_times_are_shown_in_the_signed_in_persons_time_zone(client, message):
    helsinki = UserFactory(is_staff=True, time_zone="Europe/Helsinki")
    assert "2 March 2026, 01:30 (Europe/Helsinki)" in sent_shown_to(client, helsinki, message)


def test_the_next_person_sees_their_own_zone_not_the_previous_ones(client, message):
    sent_shown_to(client, UserFactory(is_staff=True, time_zone="Europe/Helsinki"), message)
    lisbon = UserFactory(is_staff=True, time_zone="Europe/Lisbon")
    assert "1 March 2026, 23:30 (Europe/Lisbon)" in sent_shown_to(client, lisbon, message)
