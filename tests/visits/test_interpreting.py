"""Whom an interpreter interprets for (visits/services/interpreting.py), set on the roster by
the visit's team, and the breakout groups keeping the two together in every round, after a
hand move too."""

import pytest
from django.urls import reverse

from citypeers.core.audit import AuditEntry
from citypeers.core.errors import VisitError
from citypeers.programmes.models import Role
from citypeers.visits.breakouts import Kind
from citypeers.visits.models import BreakoutSeat, Interpreting
from citypeers.visits.selectors.breakouts import breakout_people, breakout_rounds
from citypeers.visits.services.breakouts import breakout_generate, breakout_seat_move
from citypeers.visits.services.interpreting import interpreting_set
from tests.factories import MembershipFactory, UserFactory
from tests.visits.groups_scene import groups_scene

pytestmark = pytest.mark.django_db
FAST = {"seed": 1, "time_limit_s": 0.3}


def roster_url(visit, name="visits:roster"):
    return reverse(name, args=[visit.programme.slug, visit.slug])


@pytest.fixture
def scene(visit, coordinator):
    """Ten participants, two facilitators, one interpreter interpreting for the first."""
    session, people = groups_scene(visit, participants=10, facilitators=2, interpreters=1)
    participant, interpreter = people[0], people[-1]
    interpreting_set(visit=visit, interpreter=interpreter, participant=participant, by=coordinator)
    return session, participant, interpreter


def groups_of(plan, person) -> list[tuple[int, int]]:
    return list(
        BreakoutSeat.objects.filter(plan=plan, person=person)
        .order_by("round_index")
        .values_list("round_index", "group_index")
    )


def test_the_interpreter_is_seated_with_their_participant_in_every_round(visit, coordinator, scene):
    session, participant, interpreter = scene
    planned = {p.key: p for p in breakout_people(session)}
    assert planned[str(interpreter.pk)].kind == Kind.INTERPRETER
    assert planned[str(interpreter.pk)].with_key == str(participant.pk)
    plan = breakout_generate(session=session, rounds=3, size=6, by=coordinator, **FAST)
    assert len(groups_of(plan, interpreter)) == 3
    assert groups_of(plan, interpreter) == groups_of(plan, participant)
    assert set(plan.seats.filter(person=interpreter).values_list("kind", flat=True)) == {
        "interpreter"
    }


def test_after_a_hand_move_the_interpreter_still_sits_with_their_participant(
    visit, coordinator, scene
):
    session, participant, interpreter = scene
    plan = breakout_generate(session=session, rounds=2, size=6, by=coordinator, **FAST)
    (_round, group), _ = groups_of(plan, participant)
    groups = plan.seats.filter(round_index=0).values("group_index").distinct().count()
    to_group = (group + 1) % groups
    breakout_seat_move(
        plan=plan, person_pk=participant.pk, round_index=0, group_index=to_group, by=coordinator
    )
    assert groups_of(plan, participant)[0] == (0, to_group)
    assert groups_of(plan, interpreter) == groups_of(plan, participant)
    rounds = breakout_rounds(plan)
    stored = next(p for p in rounds.people if p.key == str(interpreter.pk))
    assert stored.kind == Kind.INTERPRETER and stored.with_key == str(participant.pk)


def test_an_interpreter_without_a_participant_set_is_planned_as_a_participant(visit):
    session, people = groups_scene(visit, participants=5, facilitators=1, interpreters=1)
    planned = {p.key: p for p in breakout_people(session)}
    assert planned[str(people[-1].pk)].kind == Kind.PARTICIPANT


def test_setting_and_clearing_is_audited(visit, coordinator, scene):
    _session, participant, interpreter = scene
    assert Interpreting.objects.get(interpreter=interpreter).participant == participant
    interpreting_set(visit=visit, interpreter=interpreter, participant=None, by=coordinator)
    assert not Interpreting.objects.exists()
    assert (
        AuditEntry.objects.filter(action="visits.interpreting_set", actor=coordinator).count() == 2
    )


def test_only_an_interpreter_of_the_visit_interprets_for_a_participant_of_it(visit, coordinator):
    _session, people = groups_scene(visit, participants=5, facilitators=1, interpreters=1)
    participant, facilitator, interpreter = people[0], people[-2], people[-1]
    with pytest.raises(VisitError, match="is not an interpreter"):
        interpreting_set(
            visit=visit, interpreter=facilitator, participant=participant, by=coordinator
        )
    with pytest.raises(VisitError, match="is not a participant") as refused:
        interpreting_set(
            visit=visit, interpreter=interpreter, participant=UserFactory(), by=coordinator
        )
    assert refused.value.field == "participant"
    assert not Interpreting.objects.exists()


def test_the_team_sets_it_on_the_roster_and_sees_it(client, visit, coordinator):
    _session, people = groups_scene(visit, participants=5, facilitators=1, interpreters=1)
    participant, interpreter = people[0], people[-1]
    client.force_login(coordinator)
    page = client.get(roster_url(visit)).content.decode()
    assert "Interprets for" in page and f'value="{participant.pk}"' in page
    response = client.post(
        roster_url(visit, "visits:interpreting"),
        {"interpreter": interpreter.pk, "participant": participant.pk},
    )
    assert response.status_code == 302
    page = client.get(roster_url(visit)).content.decode()
    assert f"Interprets for {participant}" in page


def test_a_participant_not_on_the_visit_is_refused_at_the_field(client, visit, coordinator):
    _session, people = groups_scene(visit, participants=5, facilitators=1, interpreters=1)
    client.force_login(coordinator)
    response = client.post(
        roster_url(visit, "visits:interpreting"),
        {"interpreter": people[-1].pk, "participant": UserFactory().pk},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert f'href="#id_interpreting_{people[-1].pk}_participant"' in page
    assert not Interpreting.objects.exists()


def test_participants_see_no_interpreting_on_the_roster(client, visit, coordinator, scene):
    _session, participant, _interpreter = scene
    other = MembershipFactory(programme=visit.programme, visit=visit, role=Role.PARTICIPANT).user
    client.force_login(other)
    page = client.get(roster_url(visit)).content.decode()
    assert "Interprets for" not in page
    response = client.post(
        roster_url(visit, "visits:interpreting"),
        {"interpreter": _interpreter.pk, "participant": ""},
    )
    assert response.status_code == 403
    assert Interpreting.objects.filter(participant=participant).exists()
