"""Reading a selection instance: every fault is refused in one line that names its field."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from citypeers.optim import InstanceError
from citypeers.optim.selection import solve
from citypeers.optim.selection_input import Limit, parse
from tests.optim.selection_instances import instances, person


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


MORE_BAD = [
    (changed("visits.0.quotas.0", "country"), "visits[0].quotas[0]: must be an object"),
    (
        changed(QUOTA, {"attribute": "country", "value": 351, "min": 1}),
        "visits[0].quotas[0].value: must be a non-empty string",
    ),
    (
        changed(QUOTA, {"attribute": "country", "value": "PT", "min": 1.5}),
        "visits[0].quotas[0].min: must be a whole number",
    ),
    (
        changed(QUOTA, {"attribute": "country", "value": "PT", "max": 10**10}),
        "visits[0].quotas[0].max: must be at most 1000000000",
    ),
    (
        changed(QUOTA, {"attribute": "country", "value": "PT", "min_share": "half"}),
        "visits[0].quotas[0].min_share: must be a number",
    ),
    (changed("applicants.0", "a"), "applicants[0]: must be an object"),
    (changed("applicants.0.id", " "), "applicants[0].id: must be a non-empty string"),
    (changed("applicants.0.score", True), "applicants[0].score: must be a number"),
    (
        changed("applicants.1", {"id": "b", "preferences": ["v1"], "scores": [1]}),
        "applicants[1].scores: must be an object",
    ),
    (
        changed("applicants.1", {"id": "b", "preferences": ["v1"], "scores": {"v1": 1, "a b": 2}}),
        "applicants[1].scores.'a b': unknown visit id",
    ),
    (
        changed("applicants.0.excluded_visits", "v0"),
        "applicants[0].excluded_visits: must be a list of visit ids",
    ),
    (
        changed("applicants.0.excluded_visits", ["v0", "v0"]),
        "applicants[0].excluded_visits[1]: visit 'v0' is listed twice",
    ),
    (changed("options.preference_weights", 1.0), "options.preference_weights: must be a non-empty"),
    (changed("options.preference_weights", [1, -0.5]), "options.preference_weights[1]: must be 0"),
    (changed("options.seed", True), "options.seed: must be a whole number"),
    (changed("options.time_limit_s", "30"), "options.time_limit_s: must be a number"),
    (changed("options.waiting_list", 10**10), "options.waiting_list: must be at most"),
    (changed("options.max_per_organisation", 10**10), "options.max_per_organisation: must be at"),
    (changed("options.threshold", -1), "options.threshold: must be 0 or more"),
]


@pytest.mark.parametrize(
    ("instance", "message"), MORE_BAD, ids=[m.split(":")[0] for _, m in MORE_BAD]
)
def test_every_other_field_is_checked_too(instance, message):
    with pytest.raises(InstanceError) as refused:
        parse(instance)
    assert str(refused.value).startswith(message)


def field_name(path: tuple) -> str:
    """("visits", 0, "capacity") -> "visits[0].capacity", as the messages write it."""
    name = ""
    for key in path:
        name += f"[{key}]" if isinstance(key, int) else f".{key}" if name else key
    return name


def leaves(value, prefix=()):
    """Every path in an instance, but not the top-level keys (an absent "options" is fine)."""
    if len(prefix) > 1:
        yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from leaves(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from leaves(inner, (*prefix, index))


@settings(max_examples=150, deadline=None)
@given(instances(most=3) | instances(mode="lottery", most=3), st.data())
def test_a_field_given_a_value_of_the_wrong_kind_is_the_field_named(instance, data):
    instance["options"] = {k: v for k, v in instance["options"].items() if v is not None}
    path = data.draw(st.sampled_from([*leaves(instance), ("visits",), ("applicants",)]))
    target = instance
    for key in path[:-1]:
        target = target[key]
    # An object where anything else was, a list where an object was: never of the right kind.
    target[path[-1]] = ["?"] if isinstance(target[path[-1]], dict) else {"?": True}
    with pytest.raises(InstanceError) as refused:
        parse(instance)
    message = str(refused.value)
    assert message.startswith(f"{field_name(path)}: ") or message.startswith(
        f"{field_name(path)}."  # an object in place of a visit: its first field, the id
    ), (path, message)


# What the checked instance holds ----------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["min", "max", "min_share", "max_share", "max_per_value"]),
    st.fractions(0, 1, max_denominator=30) | st.integers(0, 8).map(Fraction),
    st.integers(0, 30),
    st.integers(0, 30),
)
def test_a_limit_holds_exactly_as_the_fractions_say(kind, bound, count, size):
    if not kind.endswith("share"):
        bound = Fraction(math.floor(bound * 8))
    limit = Limit("f", kind, "a", None if kind == "max_per_value" else "x", bound)
    expected = {
        "min": count >= bound,
        "max": count <= bound,
        "max_per_value": count <= bound,
        "min_share": count >= bound * size,
        "max_share": count <= bound * size,
    }[kind]
    assert limit.holds(count, size) == expected


def test_a_share_given_as_a_decimal_is_that_decimal_exactly():
    problem = parse(
        {
            "visits": [
                {
                    "id": "v",
                    "capacity": 25,
                    "quotas": [{"attribute": "s", "value": "x", "min_share": 0.28}],
                }
            ],
            "applicants": [person("a", ["v"], s="x")],
        }
    )
    (limit,) = problem.visits[0].limits
    assert limit.bound == Fraction(7, 25) and limit.holds(7, 25) and not limit.holds(6, 25)
    assert limit.text() == "at least 28% with s = x"


def test_quotas_read_in_words_as_reasons_name_them():
    quota = {"attribute": "gender", "value": "f", "min": 2, "max_share": 0.6}
    problem = parse(
        {
            "visits": [
                {
                    "id": "v",
                    "capacity": 3,
                    "quotas": [quota, {"attribute": "country", "max_per_value": 3}],
                }
            ],
            "applicants": [person("a", ["v"], gender="f", country="PT")],
        }
    )
    assert [limit.text() for limit in problem.visits[0].limits] == [
        "at least 2 with gender = f",
        "at most 60% with gender = f",
        "at most 3 per country",
    ]
    assert [limit.field for limit in problem.visits[0].limits] == [
        "visits[0].quotas[0].min",
        "visits[0].quotas[0].max_share",
        "visits[0].quotas[1].max_per_value",
    ]


def test_the_eligible_pairs_are_those_asked_for_open_and_in_lottery_above_the_threshold():
    instance = {
        "visits": [
            {"id": "a", "capacity": 1},
            {"id": "b", "capacity": 0},
            {"id": "c", "capacity": 2},
        ],
        "applicants": [
            {"id": "x", "preferences": ["a", "b", "c"], "scores": {"a": 4, "b": 9, "c": 2}},
            {"id": "y", "preferences": ["c", "a"], "score": 3, "excluded_visits": ["a"]},
        ],
        "options": {"preference_weights": [1, 0.5, 0.25]},
    }
    merit = parse(instance)
    assert [(p.applicant, p.visit, p.rank, p.value) for p in merit.pairs] == [
        (0, 0, 1, 4.0),  # score times the weight of the rank
        (0, 2, 3, 0.5),  # b has no places
        (1, 2, 1, 3.0),  # y is excluded from a
    ]
    assert merit.pair_barrier(0, 2) == "no places" and merit.pair_barrier(1, 2) == "excluded"
    instance["options"] |= {"mode": "lottery", "threshold": 3}
    lottery = parse(instance)
    assert [(p.applicant, p.visit) for p in lottery.pairs] == [(0, 0), (1, 2)]
    assert lottery.pair_barrier(0, 3) == "below the lottery threshold"
    assert merit.pair_barrier(0, 3) is None  # the threshold is for the lottery only


def test_max_per_organisation_becomes_a_quota_at_every_visit():
    instance = base()
    instance["options"]["max_per_organisation"] = 2
    problem = parse(instance)
    for visit in problem.visits:
        assert visit.limits[-1].field == "options.max_per_organisation"
        assert visit.limits[-1].text() == "at most 2 per organisation"


def test_options_left_out_take_their_documented_defaults():
    options = parse({"visits": [], "applicants": []}).options
    assert (options.mode, options.weights, options.waiting_list) == ("merit", (1.0, 0.8), 5)
    assert (options.seed, options.time_limit_s, options.threshold) == (0, 30.0, None)
    assert options.max_per_organisation is None
