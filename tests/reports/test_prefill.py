import datetime

import pytest

from citypeers.programmes.models import Role
from citypeers.reports.selectors.prefill import prefilled_sections, survey_figures_text
from citypeers.reports.services.reports import report_create
from citypeers.visits.enums import ResourceLicence, ResourceVisibility
from citypeers.visits.models import Recommendation, SessionResource
from tests.factories import (
    AgendaSessionFactory,
    MembershipFactory,
    OrganisationFactory,
    PlaceFactory,
    PublishedPracticeFactory,
    UserFactory,
    VisitPlanFactory,
)
from tests.feedback.scene import answered_survey

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
    second = AgendaSessionFactory(
        visit=visit, day=2, starts_at=first + datetime.timedelta(days=1), minutes=60
    )
    SessionResource.objects.create(
        session=second,
        title="Slides on the quays",
        url="https://slides.example.org/quays",
        licence=ResourceLicence.CC_BY,
        visibility=ResourceVisibility.PUBLIC,
    )
    SessionResource.objects.create(
        session=second,
        title="Recording",
        url="https://slides.example.org/recording",
        visibility=ResourceVisibility.VISIT,
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
    assert (
        "[Slides on the quays](<https://slides.example.org/quays>) (CC BY 4.0)"
        in (sections["resources"])
    )
    assert "recording" not in sections["resources"]  # seen by the visit's people only
    assert "<https://quays.example.org>" in sections["resources"]
    assert "hosted by" in sections["context"]


def test_a_bare_visit_gets_empty_sections_not_made_up_text(visit):
    sections = prefilled_sections(visit)
    assert sections["summary"] == "" and sections["practice"] == ""
    assert sections["recommendations"] == "" and sections["resources"] == ""


def test_no_survey_figures_before_enough_answers(visit):
    assert survey_figures_text(visit) == ""
    answered_survey(responses=2, visit=visit)  # too few to show without pointing at people
    assert survey_figures_text(visit) == ""


def test_the_end_of_visit_survey_is_summed_up_from_its_answers(visit):
    """The rate, each rating's mean, knowledge before and after, the best-rated session:
    recounted here from the answers the scene gave."""
    survey, given, sessions = answered_survey(responses=4, visit=visit)
    text = survey_figures_text(visit)
    invited = survey.invitations.count()
    assert f"4 of {invited} participants answered the survey ({round(400 / invited)} %)" in text
    useful = sum(answers["useful"] for answers in given) / 4
    assert f": {useful:.1f} out of 5 (4 answers)" in text
    before = sum(answers["knowledge"][0] for answers in given) / 4
    after = sum(answers["knowledge"][1] for answers in given) / 4
    assert f"{before:.1f} before the visit, {after:.1f} after it" in text
    means = {s.shown_title: sum(a["sessions"][s] for a in given) / 4 for s in sessions}
    best = max(means, key=lambda title: (means[title], [-ord(c) for c in title]))
    assert f"Best-rated sessions: {best} ({means[best]:.1f})" in text


def test_a_french_report_is_drafted_in_french(lived_visit, coordinator):
    report = report_create(visit=lived_visit, by=coordinator, language="fr")
    text = report.versions.get().sections["discussed"]
    assert "3 participants ont pris part à la visite." in text
    assert "Par pays :" in text
