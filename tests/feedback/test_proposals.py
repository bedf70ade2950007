"""Coordinators turn lessons into proposed changes, adopt them once the format is edited (or
decline them), and the format's page shows what was adopted."""

import pytest
from django.urls import reverse

from citypeers.core.errors import FeedbackError
from citypeers.core.models import AuditEntry
from citypeers.feedback.models import FormatLesson, MethodologyProposal
from citypeers.feedback.services.lessons import proposal_adopt, proposal_create, proposal_decline
from citypeers.programmes.models import Role
from tests.factories import ActivityFormatFactory, MembershipFactory
from tests.feedback.lessons_scene import session_in, visit_under_way

pytestmark = pytest.mark.django_db


def _lesson(activity=None, **texts) -> FormatLesson:
    visit = visit_under_way()
    session = session_in(visit, activity)
    return FormatLesson.objects.create(
        visit=visit, format=session.format, **(texts or {"did_not_work": "Too long"})
    )


@pytest.fixture
def coordinator_client(client):
    client.force_login(MembershipFactory(role=Role.COORDINATOR).user)
    return client


def test_a_coordinator_proposes_a_change_from_lessons_and_adopts_it(coordinator_client):
    activity = ActivityFormatFactory(name_en="Walk")
    first, second = _lesson(activity), _lesson(activity, worked="Short stops")
    _lesson()  # another format's: not offered

    page = coordinator_client.get(reverse("feedback:proposal_new") + f"?format={activity.slug}")
    assert list(page.context["form"].fields["lessons"].queryset) == [second, first]
    response = coordinator_client.post(
        reverse("feedback:proposal_new") + f"?format={activity.slug}",
        {
            "title": "Walk for an hour at most",
            "rationale": "Two visits found it long",
            "change": "60 minutes",
            "lessons": [first.pk, second.pk],
        },
    )
    proposal = MethodologyProposal.objects.get()
    assert response.url == reverse("feedback:proposal", args=[proposal.pk])
    assert set(proposal.lessons.all()) == {first, second}
    listing = coordinator_client.get(reverse("feedback:proposals")).content.decode()
    assert "Walk for an hour at most" in listing and "Proposed" in listing

    detail = coordinator_client.get(response.url).content.decode()
    assert reverse("methodology:format_edit", args=[activity.slug]) in detail
    assert first.visit.title in detail and second.visit.title in detail
    coordinator_client.post(response.url, {"decision": "adopt", "note": "Steps shortened"})
    proposal.refresh_from_db()
    assert proposal.status == "adopted" and proposal.decision_note == "Steps shortened"
    assert proposal.decided_at is not None
    format_page = coordinator_client.get(activity.get_absolute_url()).content.decode()
    assert "Walk for an hour at most" in format_page and "Steps shortened" in format_page
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"proposal.made", "proposal.adopted"} <= actions


def test_adopting_needs_a_note_and_a_decision_is_made_once(coordinator_client):
    lesson = _lesson()
    proposal = proposal_create(
        activity=lesson.format, title="t", rationale="r", change="c", lessons=[lesson], by=None
    )
    address = reverse("feedback:proposal", args=[proposal.pk])
    page = coordinator_client.post(address, {"decision": "adopt", "note": ""}).content.decode()
    assert "Say what was changed in the format." in page and "There is a problem" in page
    proposal.refresh_from_db()
    assert proposal.status == "proposed"

    proposal_decline(proposal=proposal, note="Works as it is", by=None)
    with pytest.raises(FeedbackError, match="decided already"):
        proposal_adopt(proposal=proposal, note="Changed", by=None)
    page = coordinator_client.get(address).content.decode()
    assert "Declined" in page and "Works as it is" in page and "Mark adopted" not in page


def test_a_proposal_takes_lessons_of_its_own_format_only():
    mine, other = _lesson(), _lesson()
    with pytest.raises(FeedbackError, match="this format only"):
        proposal_create(
            activity=mine.format,
            title="t",
            rationale="r",
            change="c",
            lessons=[mine, other],
            by=None,
        )
    with pytest.raises(FeedbackError, match="Pick the lessons"):
        proposal_create(
            activity=mine.format, title="t", rationale="r", change="c", lessons=[], by=None
        )
    assert not MethodologyProposal.objects.exists()


def test_a_declined_proposal_stays_off_the_format_page(client):
    lesson = _lesson()
    proposal = proposal_create(
        activity=lesson.format,
        title="Longer walks",
        rationale="r",
        change="c",
        lessons=[lesson],
        by=None,
    )
    proposal_decline(proposal=proposal, note="No", by=None)
    page = client.get(lesson.format.get_absolute_url()).content.decode()
    assert "Longer walks" not in page and "Changes made from visits" not in page


def test_hosts_and_participants_may_not_propose(client):
    lesson = _lesson()
    for role in (Role.HOST, Role.PARTICIPANT):
        member = MembershipFactory(programme=lesson.visit.programme, visit=lesson.visit, role=role)
        client.force_login(member.user)
        assert client.get(reverse("feedback:proposals")).status_code == 403
        address = reverse("feedback:proposal_new") + f"?format={lesson.format.slug}"
        assert client.post(address, {"title": "t", "lessons": [lesson.pk]}).status_code == 403
    assert not MethodologyProposal.objects.exists()


@pytest.mark.parametrize("count", [1, 3])
def test_the_proposal_list_asks_a_bounded_number_of_queries(
    coordinator_client, django_assert_max_num_queries, count
):
    for _ in range(count):
        lesson = _lesson()
        proposal_create(
            activity=lesson.format, title="t", rationale="r", change="c", lessons=[lesson], by=None
        )
    with django_assert_max_num_queries(8):
        assert coordinator_client.get(reverse("feedback:proposals")).status_code == 200
