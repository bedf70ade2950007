"""Rosters: the exact what-if checks behind every reason, waiting list and freed place, judged
against the independent checker."""

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from citypeers.optim.selection_input import parse
from citypeers.optim.selection_rosters import (
    Roster,
    quota_names,
    quotas_of,
    quotas_text,
    rosters_for,
)
from tests.optim.selection_checker import broken
from tests.optim.selection_instances import instances, person


def names(found) -> set[str]:
    """A roster's failing bounds named as the checker names them."""
    return {
        f"'{limit.text()}'" + (f" ({limit.attribute} = {value})" if limit.value is None else "")
        for limit, value in found
    }


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(instances(most=7), st.data())
def test_what_if_checks_agree_with_counting_the_roster_after_the_move(instance, data):
    instance["visits"][0]["capacity"] = 9
    problem = parse(copy.deepcopy(instance))
    people, visit = instance["applicants"], instance["visits"][0]
    numbers = range(len(people))
    members = data.draw(st.lists(st.sampled_from(numbers), unique=True) if people else st.just([]))
    roster = Roster(problem.visits[0], problem.applicants)
    for member in members:
        roster.add(member)
    assert names(roster.violations()) == broken(instance, visit, [people[m] for m in members])
    if roster.violations():
        return  # broken() answers for moves from a roster that keeps its quotas
    outside = [n for n in numbers if n not in members]
    enter = data.draw(st.none() | st.sampled_from(outside)) if outside else None
    leave = data.draw(st.none() | st.sampled_from(members)) if members else None
    after = [people[m] for m in members if m != leave] + ([] if enter is None else [people[enter]])
    assert names(roster.broken(enter, leave)) == broken(instance, visit, after)


def two_countries() -> Roster:
    quotas = [{"attribute": "country", "max_per_value": 1}]
    problem = parse(
        {
            "visits": [{"id": "v", "capacity": 3, "quotas": quotas}],
            "applicants": [
                person("pt1", ["v"], country="PT"),
                person("pt2", ["v"], country="PT"),
                person("es", ["v"], country="ES"),
            ],
        }
    )
    return rosters_for(problem, {0: 0})[0]


def test_an_answer_is_not_kept_once_the_roster_changes():
    roster = two_countries()
    assert roster.broken(2) == ()  # es may join pt1
    assert names(roster.broken(1)) == {"'at most 1 per country' (country = PT)"}
    assert roster.broken(1, 0) == ()  # pt2 in pt1's place
    roster.remove(0)
    assert roster.broken(1) == ()  # pt1 has gone: pt2 may join now
    roster.add(2)
    assert names(roster.broken(2)) == {"'at most 1 per country' (country = ES)"}
    assert roster.members == [2] and roster.size == 1 and not roster.full


def test_people_with_the_same_values_share_one_answer():
    roster = two_countries()
    assert roster.profile(0) == roster.profile(1) == ("PT",)
    assert roster.broken(1) is roster.broken_for(("PT",), None)


def test_quota_names_are_written_from_the_data_alone_each_once():
    roster = two_countries()
    twice = roster.broken(1) + roster.broken(1)
    assert quotas_of(twice) == [
        {
            "kind": "max_per_value",
            "attribute": "country",
            "value": None,
            "bound": 1,
            "concerned": "PT",
        }
    ]
    assert (
        quota_names(twice)
        == quotas_text(quotas_of(twice))
        == ("the quota 'at most 1 per country' (country = PT)")
    )


def test_several_quotas_are_joined_by_or_and_shares_read_as_given():
    quotas = [
        {"attribute": "size", "value": "small", "min_share": 0.3},
        {"attribute": "size", "value": "small", "min": 2},
    ]
    problem = parse(
        {
            "visits": [{"id": "v", "capacity": 3, "quotas": quotas}],
            "applicants": [person("a", ["v"], size="large")],
        }
    )
    roster = rosters_for(problem, {0: 0})[0]
    data = quotas_of(roster.violations())
    assert [quota["bound"] for quota in data] == [0.3, 2]
    assert quotas_text(data) == (
        "the quotas 'at least 30% with size = small' or 'at least 2 with size = small'"
    )
