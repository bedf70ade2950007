import datetime

import pytest

from citypeers.programmes.models import Role
from citypeers.reports.selectors.prefill import prefilled_sections, survey_figures_text
from citypeers.reports.services.reports import report_create
from citypeers.visits.models import Recommendation
from tests.factories import (
    AgendaSessionFactory,
    MembershipFactory,
    OrganisationFactory,
    PlaceFactory,
    PublishedPracticeFactory,
    UserFactory,
    VisitPlanFactory,
)

pytestmark = pytest.mark.django_db


def _participant(programme, visit, *, country: str, population: int):
    place = PlaceFactory(country=country, population=population)
    user = UserFactory(organisation=OrganisationFactory(place=place))
    MembershipFactory(programme=programme, visit=visit, user=user, role=Role.PARTICIPANT)


@pytest.fixture
def lived_visit(programme, visit):
    """A visit with its practice, two days of agenda, three participants and a recommendation
    the host answered."""
    practice = PublishedPracticeFactory(
        programme=programme,
        title="Open Quays",
        summary="The quays are open to shops.",
        transferability="Needs a port authority willing to lease.",
        links="https://quays.example.org",
    )
    VisitPlanFactory(visit=visit, practice=practice, time_zone="Europe/Helsinki")
    first = datetime.datetime(2027, 3, 22, 7, tzinfo=datetime.UTC)
    AgendaSessionFactory(visit=visit, day=1, starts_at=first, title="Walk on the quays")
    AgendaSessionFactory(
        visit=visit,
        day=2,
        starts_at=first + datetime.timedelta(days=1),
        minutes=60,
        resources="https://slides.example.org/quays",
    )
    _participant(programme, visit, country="PT", population=30_000)
    _participant(programme, visit, country="PT", population=300_000)
    _participant(programme, visit, country="IT", population=300_000)
    Recommendation.objects.create(
        visit=visit, text="Lease by the year", status="adopted", answer="Done in June"
    )
    return visit


def test_the_first_version_holds_what_the_platform_knows_of_the_visit(lived_visit):
    sections = prefilled_sections(lived_visit)
    discussed = sections["discussed"]
    assert "**Day 1**" in discussed and "**Day 2**" in discussed
    # In the visit's zone (Helsinki, UTC+2 in March), with its length.
    assert "09:00 · Walk on the quays" in discussed and "90 minutes" in discussed
    assert "3 participants took part." in discussed
    assert "- Portugal: 2" in discussed and "- Italy: 1" in discussed
    assert "Small (under 50,000): 1" in discussed and "Large (250,000 to 1 million): 2" in discussed
    assert sections["practice"].startswith("**Open Quays**")
    assert sections["transfer"] == "Needs a port authority willing to lease."
    assert "1. Lease by the year" in sections["recommendations"]
    assert "Adopted: Done in June" in sections["recommendations"]
    assert "<https://slides.example.org/quays>" in sections["resources"]
    assert "<https://quays.example.org>" in sections["resources"]
    assert "hosted by" in sections["context"]


def test_a_bare_visit_gets_empty_sections_not_made_up_text(visit):
    sections = prefilled_sections(visit)
    assert sections["summary"] == "" and sections["practice"] == ""
    assert sections["recommendations"] == "" and sections["resources"] == ""


def test_survey_figures_wait_for_the_feedback_app(visit):
    assert survey_figures_text(visit) == ""


def test_a_french_report_is_drafted_in_french(lived_visit, coordinator):
    report = report_create(visit=lived_visit, by=coordinator, language="fr")
    text = report.versions.get().sections["discussed"]
    assert "3 participants ont pris part à la visite." in text
    assert "Par pays :" in text
