"""Breakout groups for a visit (visits/breakouts.py): a plan from the optimiser, hand moves
recounted, a drop-out re-planned without touching the past rounds."""

from collections import Counter
from dataclasses import replace
from itertools import combinations

import pytest

from citypeers.core.errors import VisitError
from citypeers.optim.groups import solve
from citypeers.visits.breakouts import (
    Kind,
    Person,
    after_move,
    groups_instance,
    plan_groups,
    replan_after_dropout,
)

COUNTRIES = ["PT", "FI", "PL", "ES", "IT", "DE"]
SIZES = ["small", "medium", "large"]
FAST = {"seed": 3, "time_limit_s": 0.2}


def roster() -> list[Person]:
    """24 participants of six countries, four facilitators, an interpreter with p0; p3
    misses the second round and p0 (so their interpreter too) the third."""
    people = [
        Person(
            key=f"p{i}",
            name=f"Participant {i}",
            email=f"p{i}@example.eu",
            country=COUNTRIES[i % 6],
            city_size=SIZES[i % 3],
            organisation=f"City {i}",
            absent=frozenset({1} if i == 3 else {2} if i == 0 else ()),
        )
        for i in range(24)
    ]
    people += [
        Person(key=f"f{i}", name=f"Facilitator {i}", kind=Kind.FACILITATOR) for i in range(4)
    ]
    people.append(Person(key="i0", name="Interpreter", kind=Kind.INTERPRETER, with_key="p0"))
    return people


@pytest.fixture(scope="module")
def plan():
    return plan_groups(people=roster(), rounds=3, **FAST)


def keys(row) -> list[list[str]]:
    return [[p.key for p in group] for group in row]


def recount(groups) -> int:
    met = Counter()
    for row in groups:
        for group in row:
            met.update(frozenset(pair) for pair in combinations([p.key for p in group], 2))
    return sum(m - 1 for m in met.values())


def expected_present(people, r: int) -> set[str]:
    absent_with = {p.key: p.absent for p in people}
    return {
        p.key
        for p in people
        if r not in p.absent and not (p.with_key and r in absent_with[p.with_key])
    }


def group_of(row, key: str) -> int:
    return next(g for g, group in enumerate(row) if key in [p.key for p in group])


def assert_sound(rounds, people):
    """What every plan shown to a facilitator must keep, whatever produced it."""
    for r, row in enumerate(rounds.groups):
        placed = [p.key for group in row for p in group]
        assert sorted(placed) == sorted(expected_present(people, r)), f"round {r + 1}"
        sizes = [len(group) for group in row]
        assert max(sizes) <= rounds.size and max(sizes) - min(sizes) <= 1
        for group in row:
            assert sum(p.kind == Kind.FACILITATOR for p in group) <= 1
        if "i0" in placed:
            assert group_of(row, "i0") == group_of(row, "p0")
    assert rounds.repeated_pairs == recount(rounds.groups) >= rounds.lower_bound


def test_plan_places_every_present_person_once_per_round_in_even_groups(plan):
    assert_sound(plan, roster())
    assert [len(row) for row in plan.groups] == [5, 5, 5]  # 29, 28 and 27 people in 6s


def test_absent_people_are_in_no_group_of_that_round_and_interpreters_follow(plan):
    second = [p.key for group in plan.groups[1] for p in group]
    third = [p.key for group in plan.groups[2] for p in group]
    assert "p3" not in second and "p3" in third
    assert "p0" not in third and "i0" not in third  # the interpreter stays home too


def test_each_facilitator_leads_a_different_group_every_round(plan):
    for row in plan.groups:
        led = [g for g, group in enumerate(row) for p in group if p.kind == Kind.FACILITATOR]
        assert len(led) == 4 == len(set(led))
    assert plan.mix.groups_with_several_facilitators == 0
    assert plan.mix.groups_without_facilitator == 3  # five groups a round, four facilitators


def test_the_interpreter_sits_with_their_participant(plan):
    for row in plan.groups[:2]:
        assert group_of(row, "i0") == group_of(row, "p0")


def test_repeats_are_as_recounted_and_no_fewer_than_the_proven_bound(plan):
    assert plan.repeated_pairs == recount(plan.groups)
    assert plan.repeated_pairs >= plan.lower_bound >= 1  # p0 and i0 meet twice: forced
    assert ("i0", "p0", 2) in plan.met_again
    assert sum(m - 1 for _a, _b, m in plan.met_again) == plan.repeated_pairs


def test_countries_are_mixed_in_every_group(plan):
    for row in plan.groups:
        for group in row:
            countries = Counter(p.country for p in group if p.kind == Kind.PARTICIPANT)
            assert len(countries) > 1, keys([group])
            assert max(countries.values()) <= plan.mix.max_same_country
    assert plan.mix.single_country_groups == 0
    assert plan.mix.max_same_country <= 2  # four of each country, five groups


def test_mix_violations_are_counted_as_the_optimiser_counts_them(plan):
    result = solve(groups_instance(people=list(plan.people), rounds=3, size=6, **FAST))
    assert [[sorted(g) for g in row] for row in result["rounds"]] == [
        [sorted(g) for g in keys(row)] for row in plan.groups
    ]
    assert plan.mix.violations == result["mix_violations"]
    assert plan.repeated_pairs == result["repeated_pairs"]


def test_the_same_seed_gives_the_same_groups(plan):
    again = plan_groups(people=roster(), rounds=3, **FAST)
    assert [keys(row) for row in again.groups] == [keys(row) for row in plan.groups]


@pytest.mark.parametrize("size", [4, 7])
def test_a_group_size_outside_five_to_six_is_refused(size):
    with pytest.raises(VisitError, match="5 to 6"):
        plan_groups(people=roster(), rounds=3, size=size, **FAST)


def test_an_interpreter_must_name_a_participant():
    people = [*roster(), Person(key="i1", name="I", kind=Kind.INTERPRETER, with_key="f0")]
    with pytest.raises(ValueError, match="not a participant"):
        plan_groups(people=people, rounds=3, **FAST)


def met_in_other_rounds(plan, r: int, key: str) -> set[str]:
    return {
        p.key
        for s, row in enumerate(plan.groups)
        if s != r
        for group in row
        if key in [q.key for q in group]
        for p in group
        if p.key != key
    }


def test_moving_a_person_onto_people_they_met_adds_those_repeats(plan):
    r, person = 1, next(p for p in plan.people if p.key == "p7")
    row = plan.groups[r]
    here = group_of(row, "p7")
    before = met_in_other_rounds(plan, r, "p7")
    target = next(g for g, group in enumerate(row) if g != here and {p.key for p in group} & before)
    joined = {p.key for p in row[target]} & before
    left = {p.key for p in row[here]} & before  # repeats p7 no longer makes
    moved = after_move(rounds=plan, person=person, round_index=r, to_group=target)
    assert "p7" in [p.key for p in moved.groups[r][target]]
    assert moved.repeated_pairs == recount(moved.groups)
    assert moved.repeated_pairs == plan.repeated_pairs + len(joined) - len(left)
    assert moved.groups[0] == plan.groups[0] and moved.groups[2] == plan.groups[2]


def test_moving_a_participant_takes_their_interpreter_along(plan):
    p0 = next(p for p in plan.people if p.key == "p0")
    row = plan.groups[0]
    target = (group_of(row, "p0") + 1) % len(row)
    moved = after_move(rounds=plan, person=p0, round_index=0, to_group=target)
    members = [p.key for p in moved.groups[0][target]]
    assert "p0" in members and "i0" in members


def test_moving_changes_the_mix_figures_as_counted(plan):
    """Two of one country in a group make max_same_country 2 at least, and a recount agrees."""
    r, row = 0, plan.groups[0]
    p = next(p for p in row[0] if p.kind == Kind.PARTICIPANT and p.key != "p0")
    target = next(
        g for g, group in enumerate(row) if g and any(q.country == p.country for q in group)
    )
    moved = after_move(rounds=plan, person=p, round_index=r, to_group=target)
    most = max(
        max(Counter(q.country for q in group if q.kind == Kind.PARTICIPANT).values())
        for row in moved.groups
        for group in row
    )
    assert moved.mix.max_same_country == most >= 2


def test_an_absent_person_cannot_be_moved(plan):
    p3 = next(p for p in plan.people if p.key == "p3")
    with pytest.raises(VisitError, match="no group of round 2"):
        after_move(rounds=plan, person=p3, round_index=1, to_group=0)


def test_a_move_to_a_group_that_does_not_exist_is_refused(plan):
    with pytest.raises(VisitError, match="no group 6"):
        after_move(rounds=plan, person=plan.people[1], round_index=0, to_group=5)


def test_a_drop_out_keeps_the_earlier_rounds_and_replans_the_rest(plan):
    p5 = next(p for p in plan.people if p.key == "p5")
    replanned = replan_after_dropout(rounds=plan, person=p5, from_round=1)
    assert keys(replanned.groups[0]) == keys(plan.groups[0])
    people = [replace(p, absent=frozenset({1, 2})) if p.key == "p5" else p for p in roster()]
    assert_sound(replanned, people)
    assert all("p5" not in [p.key for g in row for p in g] for row in replanned.groups[1:])


def test_a_participant_dropping_out_takes_their_interpreter_out_too(plan):
    p0 = next(p for p in plan.people if p.key == "p0")
    replanned = replan_after_dropout(rounds=plan, person=p0, from_round=1)
    assert keys(replanned.groups[0]) == keys(plan.groups[0])
    later = [p.key for row in replanned.groups[1:] for g in row for p in g]
    assert "p0" not in later and "i0" not in later
    assert replanned.repeated_pairs == recount(replanned.groups) >= replanned.lower_bound


def test_a_re_plan_counts_the_pairs_met_before_the_drop_out(plan):
    """The later rounds planned as if nothing had happened before meet more old pairs."""
    for key in ("p5", "p11", "f2"):
        person = next(p for p in plan.people if p.key == key)
        replanned = replan_after_dropout(rounds=plan, person=person, from_round=1)
        assert keys(replanned.groups[0]) == keys(plan.groups[0])
        later = [
            replace(
                p,
                absent=frozenset({0, 1})
                if p.key == key
                else frozenset(r - 1 for r in p.absent if r),
            )
            for p in plan.people
        ]
        blind = solve(groups_instance(people=later, rounds=2, size=6, **FAST))
        by_key = {p.key: p for p in plan.people}
        blind_groups = [[[by_key[k] for k in g] for g in row] for row in blind["rounds"]]
        assert replanned.repeated_pairs <= recount([plan.groups[0], *blind_groups])
        assert replanned.repeated_pairs == recount(replanned.groups) >= replanned.lower_bound


def test_a_drop_out_from_a_round_that_does_not_exist_is_refused(plan):
    with pytest.raises(VisitError, match="no round 4"):
        replan_after_dropout(rounds=plan, person=plan.people[1], from_round=3)
