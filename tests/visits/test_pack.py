"""The participant pack PDF: the agenda at the reader's own hour, how to connect, the host
briefing, and only the participants who agreed to be shown."""

import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from pypdf import PdfReader

from citypeers.visits.models import QuestionnaireAnswer
from tests.factories import (
    AgendaSessionFactory,
    PublishedPracticeFactory,
    VisitPlanFactory,
)
from tests.visits.conftest import placed

pytestmark = pytest.mark.django_db


def pack_text(client, user, visit) -> str:
    client.force_login(user)
    response = client.get(reverse("visits:pack", args=[visit.programme.slug, visit.slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return "\n".join(page.extract_text() for page in reader.pages)


def shares(visit, person, *, consent: bool, challenge: str = "") -> None:
    QuestionnaireAnswer.objects.create(
        visit=visit,
        person=person,
        submitted_at=timezone.now(),
        challenge=challenge,
        shares_with_participants=consent,
    )


@pytest.fixture
def published(visit):
    """An online visit in Helsinki's zone; one session at 08:00 UTC on 22 March 2027 (10:00 in
    Helsinki, 08:00 in Lisbon), its agenda published, showing a good practice."""
    practice = PublishedPracticeFactory(
        title="Heritage walks of Tampere",
        summary="Volunteers guide walks.",
        links="https://walks.example.org/",
    )
    VisitPlanFactory(
        visit=visit, agenda_published=True, topic="Reviving the centre", practice=practice
    )
    AgendaSessionFactory(visit=visit, title="Opening circle")
    return visit


def test_the_pack_shows_the_agenda_at_the_readers_hour_and_the_visits(client, call, published):
    lisbon = placed(call, published, display_name="Ana Sousa", time_zone="Europe/Lisbon")
    helsinki = placed(call, published, display_name="Aino Virtanen", time_zone="Europe/Helsinki")

    in_lisbon = pack_text(client, lisbon, published)
    in_helsinki = pack_text(client, helsinki, published)

    assert "Opening circle" in in_lisbon
    assert "08:00" in in_lisbon and "10:00" in in_lisbon  # theirs, and the visit's beside
    assert "10:00" in in_helsinki and "08:00" not in in_helsinki


def test_the_pack_lists_only_participants_who_consented(client, call, published):
    ana = placed(call, published, display_name="Ana Sousa")
    shares(published, ana, consent=True, challenge="Empty shops in the old town")
    bo = placed(call, published, display_name="Bo Nilsson")
    shares(published, bo, consent=False, challenge="Flooded riverside")
    placed(call, published, display_name="Cai Unanswered")

    text = pack_text(client, ana, published)

    assert "Ana Sousa" in text
    assert "Empty shops in the old town" in text
    assert "Bo Nilsson" not in text and "Flooded riverside" not in text
    assert "Cai Unanswered" not in text


def test_the_pack_briefs_on_the_topic_and_the_practice(client, call, published):
    ana = placed(call, published)

    text = pack_text(client, ana, published)

    assert "Reviving the centre" in text
    assert "Heritage walks of Tampere" in text and "Volunteers guide walks." in text
    assert "https://walks.example.org/" in text


def test_the_pack_gives_the_readers_join_link_when_the_programme_has_rooms(client, call, published):
    ana = placed(call, published)
    text = pack_text(client, ana, published)
    assert "The link to the online room comes by e-mail" in text
    assert "meet.example.org" not in text

    published.programme.room_provider = "url_template"
    published.programme.room_url_template = "https://meet.example.org/{room}"
    published.programme.save()
    text = pack_text(client, ana, published)

    assert "https://meet.example.org/" in text
    assert "comes by e-mail" not in text


def test_an_unpublished_agenda_is_in_the_teams_pack_only(client, call, visit, people_by_role):
    VisitPlanFactory(visit=visit)
    AgendaSessionFactory(visit=visit, title="Draft opening")
    ana = placed(call, visit)

    assert "Draft opening" not in pack_text(client, ana, visit)
    assert "Draft opening" in pack_text(client, people_by_role["host"], visit)


def test_the_pack_is_in_french_with_french_dates(client, call, published):
    type(published).objects.filter(pk=published.pk).update(starts_on=datetime.date(2027, 3, 22))
    ana = placed(call, published, time_zone="Europe/Paris")
    client.force_login(ana)
    with translation.override("fr"):
        url = reverse("visits:pack", args=[published.programme.slug, published.slug])

    reader = PdfReader(io.BytesIO(client.get(url).content))
    text = "\n".join(page.extract_text() for page in reader.pages)

    assert "Dossier du participant" in text
    assert "mars" in text


def test_the_visit_page_links_the_pack_for_its_people_only(client, call, published):
    ana = placed(call, published)
    address = reverse("visits:visit", args=[published.programme.slug, published.slug])
    pack = reverse("visits:pack", args=[published.programme.slug, published.slug])

    assert pack not in client.get(address).content.decode()
    client.force_login(ana)
    assert pack in client.get(address).content.decode()
