"""Places freed after publication: the waiting list never breaks a quota that holds.

Random instances are solved, then random selected people decline one after the other; each
freed place goes to `next_in_line`, and the independent checker of the selection tests judges
every roster it produces.
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citypeers.optim import InstanceError
from citypeers.optim.freed_places import next_in_line
from citypeers.optim.selection import solve
from tests.optim.selection_checker import applicant_by_id, broken, visit_by_id
from tests.optim.selection_instances import instances


@settings(max_examples=150, deadline=None)
@given(instances(crowded=True) | instances(most=7), st.data())
def test_a_freed_place_never_breaks_a_quota_that_holds(instance, data):
    result = solve(instance)
    people, visits = applicant_by_id(instance), visit_by_id(instance)
    for visit_id, holders in result.get("assignments", {}).items():
        visit, holders = visits[visit_id], list(holders)
        waiting = list(result["waiting_lists"].get(visit_id, []))
        while holders and waiting:
            holders.remove(data.draw(st.sampled_from(holders)))  # someone declines
            short = broken(instance, visit, [people[key] for key in holders])
            offer = next_in_line(instance, visit_id, holders, waiting)
            fitting = [
                key
                for key in waiting
                if not broken(instance, visit, [people[k] for k in [*holders, key]])
            ]
            if fitting:  # the first who keeps every quota, whatever their place on the list
                assert (offer.applicant, offer.keeps_every_quota) == (fitting[0], True)
            if offer.applicant is None:
                break
            holders.append(offer.applicant)
            waiting.remove(offer.applicant)
            after = broken(instance, visit, [people[key] for key in holders])
            assert after <= short  # nothing that held before the offer breaks after it


def test_the_first_waiting_who_keeps_the_quotas_is_offered_the_place():
    instance = {
        "visits": [
            {"id": "v", "capacity": 2, "quotas": [{"attribute": "country", "max_per_value": 1}]}
        ],
        "applicants": [
            {"id": name, "preferences": ["v"], "score": 1, "attributes": {"country": country}}
            for name, country in [("aino", "FI"), ("chloe", "FI"), ("dirk", "DE")]
        ],
    }
    offer = next_in_line(instance, "v", ["aino"], ["chloe", "dirk"])
    assert (offer.applicant, offer.keeps_every_quota) == ("dirk", True)
    assert next_in_line(instance, "v", ["aino", "dirk"], ["chloe"]).applicant is None
    with pytest.raises(InstanceError, match="holders"):
        next_in_line(instance, "v", ["zoe"], ["chloe"])


def test_when_nobody_keeps_a_short_quota_the_place_goes_to_one_who_breaks_nothing_that_holds():
    quotas = [{"attribute": "size", "value": "small", "min": 2}]
    instance = {
        "visits": [{"id": "v", "capacity": 3, "quotas": quotas}],
        "applicants": [
            {"id": name, "preferences": ["v"], "score": 1, "attributes": {"size": size}}
            for name, size in [("s", "small"), ("l1", "large"), ("l2", "large")]
        ],
    }
    offer = next_in_line(instance, "v", ["s"], ["gone", "l1", "l2"])  # "gone" left the call
    assert (offer.applicant, offer.keeps_every_quota) == ("l1", False)
    assert offer.note == "the quota 'at least 2 with size = small' stays short"
    with pytest.raises(InstanceError, match=r"^visit: 'w' is not a visit"):
        next_in_line(instance, "w", [], [])
