"""Recommendations for the host: the team adds them until the visit is over, the host answers
each until a year after its end, everyone on the visit reads them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from citypeers.core.audit import AuditEntry
from citypeers.core.errors import VisitError
from citypeers.programmes.models import Visit
from citypeers.visits.enums import RecommendationStatus
from citypeers.visits.models import Recommendation
from citypeers.visits.services.recommendations import recommendation_add, recommendation_answer

pytestmark = pytest.mark.django_db


def ended(visit, *, days_ago: int) -> Visit:
    last_day = timezone.localdate() - datetime.timedelta(days=days_ago)
    Visit.objects.filter(pk=visit.pk).update(
        starts_on=last_day - datetime.timedelta(days=2), ends_on=last_day
    )
    visit.refresh_from_db()
    return visit


def url(visit, *pk) -> str:
    name = "visits:recommendation_answer" if pk else "visits:recommendations"
    return reverse(name, args=[visit.programme.slug, visit.slug, *pk])


# Services


def test_a_recommendation_is_added_open_and_logged(visit, people_by_role):
    expert = people_by_role["expert"]

    item = recommendation_add(visit=visit, text="  Open a shop incubator  ", by=expert)

    assert (item.text, item.author, item.status) == ("Open a shop incubator", expert, "open")
    assert AuditEntry.objects.filter(action="recommendation.added", object_id=str(item.pk)).exists()


def test_no_recommendation_is_added_once_the_visit_is_over(visit, people_by_role):
    ended(visit, days_ago=1)

    with pytest.raises(VisitError, match="over"):
        recommendation_add(visit=visit, text="Too late", by=people_by_role["expert"])


def test_the_host_answers_after_the_visit_and_the_answer_is_dated(visit, people_by_role):
    item = recommendation_add(visit=visit, text="Pedestrianise", by=people_by_role["expert"])
    ended(visit, days_ago=200)
    now = timezone.now()

    recommendation_answer(
        recommendation=item,
        status="partly",
        answer="Two streets",
        by=people_by_role["host"],
        now=now,
    )

    item.refresh_from_db()
    assert (item.status, item.answer, item.answered_at) == ("partly", "Two streets", now)


def test_answering_is_refused_a_year_after_the_visits_end(visit, people_by_role):
    item = recommendation_add(visit=visit, text="Pedestrianise", by=people_by_role["expert"])
    ended(visit, days_ago=366)

    with pytest.raises(VisitError, match="year"):
        recommendation_answer(
            recommendation=item, status="adopted", answer="", by=people_by_role["host"]
        )
    item.refresh_from_db()
    assert item.status == RecommendationStatus.OPEN


def test_on_the_last_day_of_the_year_the_host_still_answers(visit, people_by_role):
    item = recommendation_add(visit=visit, text="Pedestrianise", by=people_by_role["expert"])
    ended(visit, days_ago=365)

    recommendation_answer(
        recommendation=item, status="adopted", answer="", by=people_by_role["host"]
    )

    assert Recommendation.objects.get(pk=item.pk).status == "adopted"


# Views


def test_the_team_adds_a_recommendation_and_a_participant_reads_it(client, visit, people_by_role):
    client.force_login(people_by_role["rapporteur"])
    response = client.post(url(visit), {"text": "Map the empty shops"})
    assert response.status_code == 302

    client.force_login(people_by_role["participant"])
    page = client.get(url(visit)).content.decode()

    assert "Map the empty shops" in page
    assert "Add a recommendation" not in page  # participants read, they do not add
    assert 'name="r' not in page  # nor answer


def test_an_empty_recommendation_comes_back_with_its_error(client, visit, people_by_role):
    client.force_login(people_by_role["expert"])

    response = client.post(url(visit), {"text": ""})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Recommendation.objects.exists()


def test_the_host_answers_on_the_page_after_the_visit(client, visit, people_by_role):
    item = recommendation_add(visit=visit, text="Pedestrianise", by=people_by_role["expert"])
    ended(visit, days_ago=30)
    client.force_login(people_by_role["host"])
    assert f'name="r{item.pk}-status"' in client.get(url(visit)).content.decode()

    response = client.post(
        url(visit, item.pk), {f"r{item.pk}-status": "not_adopted", f"r{item.pk}-answer": "No money"}
    )

    assert response.status_code == 302
    page = client.get(url(visit)).content.decode()
    assert "Not adopted" in page and "No money" in page


def test_the_page_speaks_french(client, visit, people_by_role):
    recommendation_add(visit=visit, text="Pedestrianise", by=people_by_role["expert"])
    client.force_login(people_by_role["host"])
    with translation.override("fr"):
        address = url(visit)

    page = client.get(address).content.decode()

    assert "Recommandations pour l\u2019hôte" in page
    assert "Ouverte" in page
    assert "Enregistrer la réponse à la recommandation 1" in page
