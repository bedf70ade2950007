"""Breakout groups kept for a session (visits/services/breakouts.py): made from the visit's
people, moved by hand as previewed, re-planned after a late drop-out, made by the worker for a
big roster."""

import pytest

from citypeers.core.audit import AuditEntry
from citypeers.core.errors import VisitError
from citypeers.visits.breakouts import Kind
from citypeers.visits.models import BreakoutPlan, BreakoutSeat
from citypeers.visits.selectors.breakouts import (
    breakout_moved,
    breakout_people,
    breakout_rounds,
    my_breakout_groups,
    planned_person,
)
from citypeers.visits.services.breakouts import (
    breakout_dropout,
    breakout_generate,
    breakout_seat_move,
)
from citypeers.visits.tasks import plan_breakouts
from tests.factories import MembershipFactory, UserFactory
from tests.visits.groups_scene import groups_scene, member

pytestmark = pytest.mark.django_db
FAST = {"seed": 1, "time_limit_s": 0.3}


def seats_of(plan) -> list[tuple[int, int, int]]:
    return sorted(plan.seats.values_list("round_index", "group_index", "person_id"))


def test_the_groups_are_made_from_the_visits_participants_facilitators_and_interpreters(
    visit, coordinator
):
    session, people = groups_scene(visit, participants=10, facilitators=2, interpreters=1)
    MembershipFactory(programme=visit.programme, visit=visit, role="expert")  # not grouped
    plan = breakout_generate(session=session, rounds=3, size=6, by=coordinator, **FAST)
    assert plan.status == BreakoutPlan.Status.DONE
    for round_index in range(3):
        seated = set(plan.seats.filter(round_index=round_index).values_list("person", flat=True))
        assert seated == {p.pk for p in people}  # everyone once a round, nobody else
    assert plan.lower_bound is not None and plan.repeated_pairs >= plan.lower_bound
    assert AuditEntry.objects.filter(action="breakouts.generated", actor=coordinator).exists()


def test_each_group_gets_a_facilitator_when_there_are_enough(visit, coordinator):
    session, people = groups_scene(visit, participants=10, facilitators=2)
    plan = breakout_generate(session=session, rounds=2, size=6, by=coordinator, **FAST)
    rounds = breakout_rounds(plan)
    assert rounds.mix.groups_without_facilitator == 0
    facilitators = {str(p.pk) for p in people[-2:]}
    assert {p.key for p in rounds.people if p.kind == Kind.FACILITATOR} == facilitators


def test_countries_and_city_sizes_come_from_the_persons_organisation(visit):
    session, people = groups_scene(visit, participants=3, facilitators=0)
    planned = {p.key: p for p in breakout_people(session)}
    assert [planned[str(p.pk)].country for p in people] == ["PT", "FI", "PL"]
    assert [planned[str(p.pk)].city_size for p in people] == ["small", "medium", "large"]


def test_the_sessions_facilitator_is_planned_as_one(visit):
    session, _people = groups_scene(visit, participants=5, facilitators=0)
    session.facilitator = UserFactory(display_name="Host facilitator")
    session.save()
    kinds = {p.name: p.kind for p in breakout_people(session)}
    assert kinds["Host facilitator"] == Kind.FACILITATOR


def test_a_round_count_or_group_size_outside_the_method_is_refused(visit, coordinator):
    session, _people = groups_scene(visit, participants=6)
    with pytest.raises(VisitError) as refused:
        breakout_generate(session=session, rounds=5, size=6, by=coordinator, **FAST)
    assert refused.value.field == "rounds"
    with pytest.raises(VisitError) as refused:
        breakout_generate(session=session, rounds=2, size=8, by=coordinator, **FAST)
    assert refused.value.field == "size"
    assert not BreakoutPlan.objects.exists()


def test_making_the_groups_again_replaces_the_old_ones(visit, coordinator):
    session, _people = groups_scene(visit, participants=8)
    breakout_generate(session=session, rounds=3, size=6, by=coordinator, **FAST)
    plan = breakout_generate(session=session, rounds=1, size=5, by=coordinator, **FAST)
    assert BreakoutPlan.objects.count() == 1
    assert {r for r, _g, _p in seats_of(plan)} == {0}


def test_the_move_saved_has_the_figures_the_preview_showed(visit, coordinator):
    session, people = groups_scene(visit)
    plan = breakout_generate(session=session, rounds=3, size=6, by=coordinator, **FAST)
    rounds = breakout_rounds(plan)
    person = planned_person(rounds, people[0].pk)
    group_now = next(g for g, group in enumerate(rounds.groups[1]) if person in group)
    target = (group_now + 1) % len(rounds.groups[1])  # 14 people of size 6: three groups
    preview = breakout_moved(rounds=rounds, person=person, round_index=1, group_index=target)
    assert person in preview.groups[1][target]
    breakout_seat_move(
        plan=plan, person_pk=people[0].pk, round_index=1, group_index=target, by=coordinator
    )
    plan.refresh_from_db()
    saved = breakout_rounds(plan)
    assert saved.repeated_pairs == preview.repeated_pairs == plan.repeated_pairs
    assert saved.mix == preview.mix
    seat = BreakoutSeat.objects.get(plan=plan, round_index=1, person=people[0])
    assert seat.group_index == target
    assert saved.groups[0] == rounds.groups[0] and saved.groups[2] == rounds.groups[2]
    assert AuditEntry.objects.filter(action="breakouts.moved").exists()


def test_a_drop_out_keeps_the_earlier_rounds_and_leaves_the_later_ones(visit, coordinator):
    session, people = groups_scene(visit)
    plan = breakout_generate(session=session, rounds=3, size=6, by=coordinator, **FAST)
    before = seats_of(plan)
    breakout_dropout(plan=plan, person_pk=people[3].pk, from_round=1, by=coordinator)
    after = seats_of(plan)
    assert [s for s in after if s[0] == 0] == [s for s in before if s[0] == 0]
    assert people[3].pk not in {p for r, _g, p in after if r >= 1}
    assert {p for r, _g, p in after if r == 2} == {p.pk for p in people} - {people[3].pk}
    assert AuditEntry.objects.filter(action="breakouts.dropout").exists()


def test_someone_not_in_the_groups_cannot_be_moved(visit, coordinator):
    session, _people = groups_scene(visit, participants=6)
    plan = breakout_generate(session=session, rounds=2, size=6, by=coordinator, **FAST)
    with pytest.raises(VisitError):
        breakout_seat_move(
            plan=plan, person_pk=coordinator.pk, round_index=0, group_index=0, by=coordinator
        )


def test_a_big_roster_is_planned_by_the_task_worker(
    visit, coordinator, settings, django_capture_on_commit_callbacks
):
    settings.BREAKOUT_INLINE_PEOPLE = 10  # the test's tasks run at once ("immediate")
    session, people = groups_scene(visit, participants=12)
    with django_capture_on_commit_callbacks() as queued:
        plan = breakout_generate(session=session, rounds=2, size=6, by=coordinator, **FAST)
    assert plan.status == BreakoutPlan.Status.QUEUED and not plan.seats.exists()
    assert len(queued) == 1  # the task, enqueued once the click's transaction commits
    queued[0]()
    plan.refresh_from_db()
    assert plan.status == BreakoutPlan.Status.DONE
    assert len(seats_of(plan)) == 2 * len(people)


def test_a_person_sees_their_own_group_with_its_names(visit, coordinator):
    session, people = groups_scene(visit, participants=6, facilitators=1)
    plan = breakout_generate(session=session, rounds=2, size=6, by=coordinator, **FAST)
    mine = my_breakout_groups(visit, people[0])
    assert [(g.round_number, g.group_number) for g in mine] == [
        (r + 1, g + 1) for r, g, p in seats_of(plan) if p == people[0].pk
    ]
    assert str(people[0]) in mine[0].names
    assert my_breakout_groups(visit, member(visit, "participant", number=99)) == []


def test_a_plan_the_worker_cannot_make_is_marked_failed_not_left_queued(
    visit, coordinator, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.BREAKOUT_INLINE_PEOPLE = 5
    session, _people = groups_scene(visit, participants=6)
    with django_capture_on_commit_callbacks():
        plan = breakout_generate(session=session, rounds=2, size=6, by=coordinator, **FAST)

    def broken(**_kwargs):
        raise RuntimeError("solver crashed")

    monkeypatch.setattr("citypeers.visits.tasks.breakout_plan_execute", broken)
    with pytest.raises(RuntimeError):
        plan_breakouts.call(plan_id=plan.pk)  # no attempt left outside the worker
    plan.refresh_from_db()
    assert plan.status == BreakoutPlan.Status.FAILED and plan.error
