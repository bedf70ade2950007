"""Reading a selection instance: every fault is refused in one line that names its field."""

import pytest

from citypeers.optim import InstanceError
from citypeers.optim.selection import solve
from tests.optim.selection_instances import person


def base() -> dict:
    return {
        "visits": [
            {"id": "v0", "capacity": 2, "quotas": [{"attribute": "country", "max_per_value": 1}]},
            {"id": "v1", "capacity": 1},
        ],
        "applicants": [
            person("a", ["v0", "v1"], 3, country="PT", organisation="o"),
            person("b", ["v1"], 2, country="ES", organisation="o"),
        ],
        "options": {"mode": "merit"},
    }


def changed(path: str, value) -> dict:
    """base() with the value at a dotted path ("visits.0.capacity") replaced (or deleted)."""
    instance = base()
    *parents, last = path.split(".")
    target = instance
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    key = int(last) if isinstance(target, list) else last
    if value is DELETE:
        del target[key]
    else:
        target[key] = value
    return instance


DELETE = object()


QUOTA = "visits.0.quotas.0"


BAD = [
    (changed("visits", DELETE), "visits: must be a list"),
    (changed("visits.0", "v0"), "visits[0]: must be an object"),
    (changed("visits.0.id", DELETE), "visits[0].id: must be a non-empty string"),
    (changed("visits.1.id", "v0"), "visits[1].id: duplicate id 'v0'"),
    (changed("visits.0.capacity", -1), "visits[0].capacity: must be a whole number"),
    (changed("visits.0.capacity", 2.5), "visits[0].capacity: must be a whole number"),
    (changed("visits.0.capacity", True), "visits[0].capacity: must be a whole number"),
    (changed("visits.0.quotas", {}), "visits[0].quotas: must be a list"),
    (changed(f"{QUOTA}.maximum", 3), "visits[0].quotas[0].maximum: unknown field"),
    (changed(f"{QUOTA}.attribute", DELETE), "visits[0].quotas[0].attribute: must be a non-empty"),
    (changed(f"{QUOTA}.attribute", "contry"), "visits[0].quotas[0].attribute: no applicant has"),
    (changed(f"{QUOTA}.value", "PT"), "visits[0].quotas[0]: max_per_value cannot be combined"),
    (changed(QUOTA, {"attribute": "country", "value": "PT"}), "visits[0].quotas[0]: needs"),
    (
        changed(QUOTA, {"attribute": "country", "value": "PT", "min_share": 1.5}),
        "visits[0].quotas[0].min_share: must be between 0 and 1",
    ),
    (
        changed(QUOTA, {"attribute": "country", "value": "PT", "max_share": -0.1}),
        "visits[0].quotas[0].max_share: must be between 0 and 1",
    ),
    (
        changed(QUOTA, {"attribute": "country", "value": "PT", "min": 3, "max": 2}),
        "visits[0].quotas[0].min: must not be above max",
    ),
    (
        changed(QUOTA, {"attribute": "country", "value": "PT", "min_share": 0.6, "max_share": 0.5}),
        "visits[0].quotas[0].min_share: must not be above max_share",
    ),
    (changed(f"{QUOTA}.max_per_value", "3"), "visits[0].quotas[0].max_per_value: must be a whole"),
    (changed("applicants", {}), "applicants: must be a list"),
    (changed("applicants.1.id", "a"), "applicants[1].id: duplicate id 'a'"),
    (changed("applicants.0.preferences", "v0"), "applicants[0].preferences: must be a list"),
    (changed("applicants.0.preferences", ["v9"]), "applicants[0].preferences[0]: unknown visit"),
    (changed("applicants.0.preferences", [["v0"]]), "applicants[0].preferences[0]: unknown visit"),
    (
        changed("applicants.0.preferences", ["v0", "v0"]),
        "applicants[0].preferences[1]: visit 'v0' is listed twice",
    ),
    (
        changed("options.preference_weights", [1.0]),
        "applicants[0].preferences: 2 ranked visits but options.preference_weights gives weights "
        "for 1",
    ),
    (changed("applicants.0.score", DELETE), "applicants[0]: needs either score"),
    (changed("applicants.0.scores", {"v0": 1, "v1": 2}), "applicants[0]: needs either score"),
    (changed("applicants.0.score", "high"), "applicants[0].score: must be a number"),
    (changed("applicants.0.score", float("nan")), "applicants[0].score: must be a number"),
    (changed("applicants.0.score", 10**400), "applicants[0].score: must be a number"),
    (changed("applicants.0.score", -1), "applicants[0].score: must be 0 or more"),
    (
        changed("applicants.0", person("a", ["v0", "v1"]) | {"score": None}),
        "applicants[0].score: must be a number",
    ),
    (
        changed("applicants.1", {"id": "b", "preferences": ["v1"], "scores": {}}),
        "applicants[1].scores: no score for preference 'v1'",
    ),
    (
        changed("applicants.1", {"id": "b", "preferences": ["v1"], "scores": {"v1": 1, "zz": 2}}),
        "applicants[1].scores.zz: unknown visit id",
    ),
    (changed("applicants.0.attributes", ["PT"]), "applicants[0].attributes: must be an object"),
    (
        changed("applicants.0.attributes.country", 351),
        "applicants[0].attributes.country: must be a string",
    ),
    (
        changed("applicants.0.excluded_visits", ["v7"]),
        "applicants[0].excluded_visits[0]: unknown visit id",
    ),
    (changed("options", []), "options: must be an object"),
    (changed("options.seeds", 1), "options.seeds: unknown field"),
    (changed("options.mode", "random"), "options.mode: must be 'merit' or 'lottery'"),
    (changed("options.preference_weights", []), "options.preference_weights: must be a non-empty"),
    (
        changed("options.preference_weights", [1, "x"]),
        "options.preference_weights[1]: must be a number",
    ),
    (changed("options.seed", -1), "options.seed: must be a whole number"),
    (changed("options.seed", 2**40), "options.seed: must be at most"),
    (changed("options.time_limit_s", 0), "options.time_limit_s: must be 0.001 or more"),
    (changed("options.waiting_list", 1.5), "options.waiting_list: must be a whole number"),
    (changed("options.max_per_organisation", -2), "options.max_per_organisation: must be a whole"),
    (changed("options.threshold", "x"), "options.threshold: must be a number"),
    # Numbers too large for the solver: an overflow, an objective of Infinity (not JSON), or a
    # cost HiGHS takes as infinite (and then finds "no selection in the time").
    (
        changed(QUOTA, {"attribute": "country", "value": "PT", "min": 10**400}),
        "visits[0].quotas[0].min: must be at most 1000000000",
    ),
    (changed("visits.0.capacity", 10**400), "visits[0].capacity: must be at most"),
    (changed("applicants.0.score", 1e30), "applicants[0].score: must be at most 1e+09"),
    (
        changed("applicants.1", {"id": "b", "preferences": ["v1"], "scores": {"v1": 1e30}}),
        "applicants[1].scores.v1: must be at most 1e+09",
    ),
    (
        changed("options.preference_weights", [1e30, 1]),
        "options.preference_weights[0]: must be at most 1e+09",
    ),
    (changed("options.threshold", 1e30), "options.threshold: must be at most 1e+09"),
    # A misspelt field would silently drop a hard constraint (other keys, a name, are ignored).
    (
        changed("visits.1.quota", [{"attribute": "country", "max_per_value": 1}]),
        "visits[1].quota: unknown field (did you mean quotas?)",
    ),
    (
        changed("applicants.0.excluded_visit", ["v0"]),
        "applicants[0].excluded_visit: unknown field (did you mean excluded_visits?)",
    ),
]


@pytest.mark.parametrize(("instance", "message"), BAD, ids=[m.split(":")[0] for _, m in BAD])
def test_a_malformed_instance_is_refused_with_its_field_named_in_one_line(instance, message):
    with pytest.raises(InstanceError) as refused:
        solve(instance)
    assert str(refused.value).startswith(message)
    assert "\n" not in str(refused.value)


def test_an_instance_that_is_not_an_object_is_refused():
    with pytest.raises(InstanceError, match=r"^instance: must be an object"):
        solve([])  # type: ignore[arg-type]


def test_max_per_organisation_without_organisations_is_refused():
    instance = base()
    for applicant in instance["applicants"]:
        del applicant["attributes"]["organisation"]
    instance["options"]["max_per_organisation"] = 1
    with pytest.raises(InstanceError, match=r"^options\.max_per_organisation: no applicant has"):
        solve(instance)


def test_other_keys_in_visits_and_applicants_are_ignored():
    instance = base()
    instance["visits"][0]["name"] = "Vantaa city hall"
    instance["applicants"][0]["email"] = "a@example.org"
    assert solve(instance)["status"] == "optimal"


def test_two_huge_scores_are_refused_rather_than_summed_to_infinity():
    instance = {
        "visits": [{"id": "v", "capacity": 2}],
        "applicants": [person("a", ["v"], 1e308), person("b", ["v"], 1e308)],
    }
    with pytest.raises(InstanceError, match=r"^applicants\[0\]\.score: must be at most"):
        solve(instance)
