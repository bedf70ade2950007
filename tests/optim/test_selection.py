"""Fair selection under quotas: worked examples, infeasibility, determinism and bad input.

The property-based tests (random instances, brute force) are in test_selection_properties.py,
the lottery's in test_selection_lottery.py; the independent checker in test_selection_checks.py.
"""

import copy
import dataclasses
import io
import json
import re
from pathlib import Path

import pytest

from citypeers.optim import InstanceError
from citypeers.optim.cli import main
from citypeers.optim.milp import HighsSolver, Progress, Solution
from citypeers.optim.selection import run, solve
from citypeers.optim.selection_input import parse
from citypeers.optim.selection_model import build
from tests.optim.test_selection_checks import violations

DOCS = Path(__file__).resolve().parents[2] / "docs" / "optim_selection.md"


def person(name: str, preferences: list[str], score: float = 5.0, **attributes) -> dict:
    return {"id": name, "preferences": preferences, "score": score, "attributes": attributes}


def doc_block(marker: str) -> dict:
    """The JSON block that follows `<!-- marker -->` in docs/optim_selection.md."""
    text = DOCS.read_text(encoding="utf-8")
    found = re.search(rf"<!-- {marker} -->\s*```json\n(.*?)```", text, re.DOTALL)
    assert found, marker
    return json.loads(found.group(1))


def relaxed(instance: dict, entries: list[dict]) -> dict:
    """The instance with every quota relaxed as `infeasible_quotas` proposes."""
    instance = copy.deepcopy(instance)
    for entry in entries:
        if entry["field"] == "options.max_per_organisation":
            current = instance["options"]["max_per_organisation"]
            instance["options"]["max_per_organisation"] = max(current, entry["relax_to"])
            continue
        visit, quota, key = re.fullmatch(
            r"visits\[(\d+)\]\.quotas\[(\d+)\]\.(\w+)", entry["field"]
        ).groups()
        target = instance["visits"][int(visit)]["quotas"][int(quota)]
        target[key] = entry["relax_to"]
    return instance


# The documented example ------------------------------------------------------------------------


def test_the_documented_example_gives_the_documented_result():
    instance = doc_block("example instance")
    assert solve(instance) == doc_block("example result")


def test_the_documented_lottery_chances_are_the_lotterys():
    instance = doc_block("example instance")
    instance["options"] |= {"mode": "lottery", "seed": 7}
    assert solve(instance)["chances"] == doc_block("example chances")


# Merit -------------------------------------------------------------------------------------


def test_a_higher_weighted_score_wins_and_the_reason_says_so():
    instance = {
        "visits": [{"id": "oulu", "capacity": 1}],
        "applicants": [person("high", ["oulu"], 9), person("low", ["oulu"], 4)],
    }
    result = solve(instance)
    assert result["assignments"] == {"oulu": ["high"]}
    assert result["decisions"]["high"]["reason"] == "selected for preference 1 (oulu)"
    assert result["decisions"]["low"]["reason"] == (
        "not selected: preference 1 (oulu): the place went to an applicant with a higher or "
        "equal weighted score"
    )
    assert result["status"] == "optimal" and result["objective"] == result["bound"] == 9


def test_preference_weights_trade_a_first_choice_against_a_better_second():
    instance = {
        "visits": [{"id": "a", "capacity": 1}, {"id": "b", "capacity": 1}],
        "applicants": [person("x", ["a", "b"], 10), person("y", ["a"], 7)],
        "options": {"preference_weights": [1.0, 0.5]},
    }
    result = solve(instance)  # y at a (7) and x at b (10 x 0.5) make 12, x alone at a 10
    assert result["assignments"] == {"a": ["y"], "b": ["x"]}
    assert result["decisions"]["x"] == {
        "visit": "b",
        "preference": 2,
        "reason": "selected for preference 2 (b)",
        "why": {"code": "selected", "preference": 2, "visit": "b"},
    }
    assert result["objective"] == 12


def test_a_full_country_quota_is_the_reason():
    instance = {
        "visits": [
            {"id": "lyon", "capacity": 2, "quotas": [{"attribute": "country", "max_per_value": 1}]}
        ],
        "applicants": [
            person("pt1", ["lyon"], 9, country="PT"),
            person("pt2", ["lyon"], 8, country="PT"),
            person("es", ["lyon"], 3, country="ES"),
        ],
    }
    result = solve(instance)
    assert result["assignments"] == {"lyon": ["pt1", "es"]}
    assert result["decisions"]["pt2"]["reason"] == (
        "not selected: preference 1 (lyon): replacing the one selected with a lower weighted "
        "score by them would break the quota 'at most 1 per country' (country = PT)"
    )


def a_place_a_share_quota_leaves_free() -> dict:
    """Gent: 3 places, at least half from small towns, one small town and two large cities."""
    return {
        "visits": [
            {
                "id": "gent",
                "capacity": 3,
                "quotas": [{"attribute": "city_size", "value": "small", "min_share": 0.5}],
            }
        ],
        "applicants": [
            person("s", ["gent"], 1, city_size="small"),
            person("l1", ["gent"], 9, city_size="large"),
            person("l2", ["gent"], 8, city_size="large"),
        ],
    }


def test_a_place_left_free_by_a_share_quota_is_explained():
    instance = a_place_a_share_quota_leaves_free()
    result = solve(instance)
    assert result["assignments"] == {"gent": ["s", "l1"]}
    assert result["decisions"]["l2"]["reason"] == (
        "not selected: preference 1 (gent): a place was left free, but taking them would break "
        "the quota 'at least 50% with city_size = small'; replacing the one selected with a lower "
        "weighted score by them would break the quota 'at least 50% with city_size = small'"
    )


@pytest.mark.parametrize(
    ("kind", "share", "small", "places"),
    [
        ("min_share", 0.28, 7, 25),  # 0.28 * 25 is 7.000000000000001 in floats: 7 would fail
        ("max_share", 0.57, 57, 100),  # 0.57 * 100 is 56.99999999999999: 57 would fail
        ("min_share", 0.3, 3, 10),
        ("max_share", 0.3, 3, 10),
    ],
)
def test_shares_are_exact_fractions_not_floats(kind, share, small, places):
    people = [person(f"s{i}", ["riga"], 1, size="small") for i in range(small)]
    people += [person(f"l{i}", ["riga"], 1, size="large") for i in range(places - small)]
    instance = {
        "visits": [
            {
                "id": "riga",
                "capacity": places,
                "quotas": [{"attribute": "size", "value": "small", kind: share}],
            }
        ],
        "applicants": people,
    }
    result = solve(instance)
    assert len(result["assignments"]["riga"]) == places and result["status"] == "optimal"
    assert violations(instance, result) == []


def test_max_per_organisation_applies_at_every_visit():
    instance = {
        "visits": [{"id": "a", "capacity": 3}, {"id": "b", "capacity": 3}],
        "applicants": [
            person(f"p{i}", ["a", "b"], 10 - i, organisation="city hall") for i in range(5)
        ],
        "options": {"max_per_organisation": 2},
    }
    result = solve(instance)
    assert [len(ids) for ids in result["assignments"].values()] == [2, 2]
    assert violations(instance, result) == []


def test_no_visit_asked_for_and_no_open_visit_are_reasons():
    instance = {
        "visits": [{"id": "closed", "capacity": 0}, {"id": "open", "capacity": 1}],
        "applicants": [
            person("nothing", []),
            person("shut_out", ["closed", "open"]) | {"excluded_visits": ["open"]},
        ],
    }
    decisions = solve(instance)["decisions"]
    assert decisions["nothing"]["reason"] == "not selected: they asked for no visit"
    assert decisions["shut_out"]["reason"] == (
        "not selected: no visit they asked for was open to them (preference 1 (closed): it has "
        "no places; preference 2 (open): they are excluded from it)"
    )


def test_the_lp_relaxation_is_timed_and_gives_the_bound():
    instance = {
        "visits": [{"id": "v", "capacity": 2}],
        "applicants": [person(f"p{i}", ["v"], i) for i in range(5)],
    }
    outcome = run(instance)
    assert outcome.seconds["lp"] > 0 and outcome.seconds["total"] >= outcome.seconds["lp"]
    assert "milp" not in outcome.seconds  # the LP solution was integral: no branch and bound
    assert outcome.result["bound"] == outcome.result["objective"] == 7


# Waiting lists -------------------------------------------------------------------------------


def test_the_waiting_list_has_someone_for_each_place_that_can_free():
    instance = {
        "visits": [
            {
                "id": "bonn",
                "capacity": 2,
                "quotas": [{"attribute": "gender", "value": "f", "min": 1}],
            }
        ],
        "applicants": [
            person("f1", ["bonn"], 9, gender="f"),
            person("m1", ["bonn"], 8, gender="m"),
            person("m2", ["bonn"], 7, gender="m"),
            person("m3", ["bonn"], 6, gender="m"),
            person("f2", ["bonn"], 2, gender="f"),
        ],
        "options": {"waiting_list": 2},
    }
    result = solve(instance)
    assert result["assignments"] == {"bonn": ["f1", "m1"]}
    # If m1 leaves, m2 enters; if f1 leaves only a woman keeps the quota: f2, though m3 scores
    # higher. Both events are covered, in the order of their weighted scores.
    assert result["waiting_lists"] == {"bonn": ["m2", "f2"]}


def test_the_waiting_list_covers_a_departure_that_would_break_a_maximum_share():
    instance = {
        "visits": [
            {
                "id": "graz",
                "capacity": 2,
                "quotas": [{"attribute": "gender", "value": "f", "max_share": 0.5}],
            }
        ],
        "applicants": [
            person("f1", ["graz"], 9, gender="f"),
            person("m1", ["graz"], 8, gender="m"),
            person("f2", ["graz"], 7, gender="f"),
            person("m2", ["graz"], 3, gender="m"),
        ],
        "options": {"waiting_list": 2},
    }
    result = solve(instance)
    assert result["assignments"] == {"graz": ["f1", "m1"]}
    # Either may leave. If f1 does, f2 enters (one woman of two); if m1 does, f1 and f2 would
    # be all women, so m2 enters though f2 scores higher.
    assert result["waiting_lists"] == {"graz": ["f2", "m2"]}


def test_waiting_lists_are_as_long_as_asked_and_no_longer():
    instance = {
        "visits": [{"id": "v", "capacity": 1}],
        "applicants": [person(f"p{i}", ["v"], i) for i in range(6)],
        "options": {"waiting_list": 3},
    }
    assert solve(instance)["waiting_lists"] == {"v": ["p4", "p3", "p2"]}
    instance["options"]["waiting_list"] = 0
    assert solve(instance)["waiting_lists"] == {"v": []}


# Infeasible quotas ---------------------------------------------------------------------------

TOO_FEW_SMALL_TOWNS = {
    "visits": [
        {
            "id": "vantaa",
            "capacity": 10,
            "quotas": [{"attribute": "city_size", "value": "small", "min": 6}],
        }
    ],
    "applicants": [person(f"s{i}", ["vantaa"], city_size="small") for i in range(4)]
    + [person(f"l{i}", ["vantaa"], city_size="large") for i in range(8)],
}


def test_a_minimum_nobody_can_meet_is_named_with_the_relaxation():
    result = solve(TOO_FEW_SMALL_TOWNS)
    assert result["status"] == "infeasible"
    assert result["infeasible_quotas"] == [
        {
            "visit": "vantaa",
            "field": "visits[0].quotas[0].min",
            "quota": "at least 6 with city_size = small",
            "required": 6,
            "relax_to": 4,
            "by": 2,
            "message": "vantaa: at least 6 with city_size = small required, only 4 applied; "
            "relax it to at least 4 with city_size = small",
        }
    ]
    assert result["assignments"] == {"vantaa": []}
    assert "quotas cannot all be met" in result["decisions"]["s0"]["reason"]
    assert solve(relaxed(TOO_FEW_SMALL_TOWNS, result["infeasible_quotas"]))["status"] == "optimal"


def test_a_minimum_against_a_maximum_share_is_explained():
    # At least 5 from small towns but at most 30% of those selected: 5 needs 17 selected, and
    # there are 10 places.
    people = [person(f"s{i}", ["oulu"], city_size="small") for i in range(6)]
    people += [person(f"l{i}", ["oulu"], city_size="large") for i in range(12)]
    instance = {
        "visits": [
            {
                "id": "oulu",
                "capacity": 10,
                "quotas": [
                    {"attribute": "city_size", "value": "small", "min": 5, "max_share": 0.3}
                ],
            }
        ],
        "applicants": people,
    }
    result = solve(instance)
    assert result["status"] == "infeasible"
    # Either at least 3 small (3 of 10 is 30%) or at most 50% (5 of 10): two people either way.
    (entry,) = result["infeasible_quotas"]
    assert (entry["field"], entry["by"]) in [
        ("visits[0].quotas[0].min", 2),
        ("visits[0].quotas[0].max_share", 0.2),
    ]
    assert "the quota 'at most 30% with city_size = small' allows at most 3" in entry["message"]
    assert solve(relaxed(instance, result["infeasible_quotas"]))["status"] == "optimal"


def test_minima_that_only_conflict_together_are_found_and_relaxed_as_little_as_possible():
    people = [person(f"s{i}", ["oulu"], size="small") for i in range(4)]
    people += [person(f"l{i}", ["oulu"], size="large") for i in range(4)]
    instance = {
        "visits": [
            {
                "id": "oulu",
                "capacity": 5,
                "quotas": [
                    {"attribute": "size", "value": "small", "min": 3},
                    {"attribute": "size", "value": "large", "min": 3},
                ],
            }
        ],
        "applicants": people,
    }
    result = solve(instance)
    assert result["status"] == "infeasible"
    (entry,) = result["infeasible_quotas"]
    assert entry["by"] == 1 and entry["relax_to"] == 2
    assert entry["message"].endswith(
        "required, cannot be met together with the other quotas and capacities; relax it to "
        f"at least 2 with size = {entry['quota'].rsplit(' ', 1)[1]}"
    )
    assert solve(relaxed(instance, result["infeasible_quotas"]))["status"] == "optimal"


def test_the_same_few_applicants_wanted_by_two_visits_is_a_conflict_too():
    people = [person(f"s{i}", ["a", "b"], city_size="small") for i in range(3)]
    instance = {
        "visits": [
            {
                "id": v,
                "capacity": 3,
                "quotas": [{"attribute": "city_size", "value": "small", "min": 2}],
            }
            for v in ("a", "b")
        ],
        "applicants": people,
    }
    result = solve(instance)
    assert result["status"] == "infeasible"
    assert [entry["relax_to"] for entry in result["infeasible_quotas"]] == [1]
    assert solve(relaxed(instance, result["infeasible_quotas"]))["status"] == "optimal"


# Determinism, output and limits ----------------------------------------------------------------


@pytest.mark.parametrize("mode", ["merit", "lottery"])
def test_the_same_instance_and_seed_give_byte_identical_json(mode):
    instance = doc_block("example instance")
    instance["options"] |= {"mode": mode, "seed": 3}
    first, second = (json.dumps(solve(copy.deepcopy(instance)), sort_keys=True) for _ in range(2))
    assert first == second


def test_nothing_is_written_on_standard_output(capfd):
    solve(doc_block("example instance"))
    assert capfd.readouterr().out == ""


def crowd(options: dict) -> dict:
    """700 applicants for 7 visits of 20 places, with country and city-size quotas."""
    people = [
        person(
            f"p{i}",
            [f"v{i % 7}", f"v{(i + 3) % 7}"],
            (i * 37) % 101,
            country=f"c{i % 9}",
            size="small" if i % 3 else "large",
        )
        for i in range(700)
    ]
    quotas = [
        {"attribute": "country", "max_per_value": 2},
        {"attribute": "size", "value": "small", "max_share": 0.6},
    ]
    return {
        "visits": [{"id": f"v{i}", "capacity": 20, "quotas": quotas} for i in range(7)],
        "applicants": people,
        "options": options,
    }


def test_a_solver_stopped_by_the_time_limit_gives_a_feasible_selection_and_its_gap(monkeypatch):
    solve_for_real = HighsSolver.solve

    def stopped_early(self, model, *, relax=False):
        solution = solve_for_real(self, model, relax=relax)
        if relax:  # an LP solution that is not integral (and a looser bound), so that branch
            # and bound runs and its bound is the tighter
            lp_bound = solution.objective + 100
            return dataclasses.replace(solution, values=solution.values * 0 + 0.5, bound=lp_bound)
        return dataclasses.replace(solution, status="feasible", bound=solution.objective + 7)

    monkeypatch.setattr(HighsSolver, "solve", stopped_early)
    instance = crowd({})
    result = solve(instance)
    assert result["status"] == "feasible"
    assert result["bound"] - result["objective"] == pytest.approx(7)
    assert result["gap"] == pytest.approx(7 / result["objective"], abs=1e-6)
    assert violations(instance, result) == []


def test_long_solves_report_progress_on_standard_error_only(capfd):
    lines = io.StringIO()
    problem = parse(crowd({}))
    model = build(problem, problem.pairs, [pair.value for pair in problem.pairs]).model
    HighsSolver(progress=Progress("selection", every_s=0, stream=lines)).solve(model)
    assert lines.getvalue().startswith("selection: ")
    assert capfd.readouterr().out == ""


def test_a_solver_stopped_early_reports_the_lp_relaxations_bound_when_tighter(monkeypatch):
    solve_for_real = HighsSolver.solve

    def loose_bound(self, model, *, relax=False):
        solution = solve_for_real(self, model, relax=relax)
        if relax:  # an LP solution that is not integral, so that branch and bound runs
            return dataclasses.replace(solution, values=solution.values * 0 + 0.5)
        # Stopped early, HiGHS's own bound can be far looser than the root LP's (measured: 6x).
        return dataclasses.replace(solution, status="feasible", bound=solution.objective * 6)

    monkeypatch.setattr(HighsSolver, "solve", loose_bound)
    problem = parse(crowd({}))
    model = build(problem, problem.pairs, [pair.value for pair in problem.pairs]).model
    lp_bound = solve_for_real(HighsSolver(), model, relax=True).objective
    result = solve(crowd({}))
    assert result["status"] == "feasible" and result["bound"] == round(lp_bound, 6)


def test_without_a_selection_in_the_time_the_lp_relaxation_still_gives_the_bound(monkeypatch):
    solve_for_real = HighsSolver.solve

    def out_of_time(self, model, *, relax=False):
        if relax:  # an LP solution that is not integral, so that branch and bound runs
            solution = solve_for_real(self, model, relax=True)
            return dataclasses.replace(solution, values=solution.values * 0 + 0.5)
        return Solution("no_solution", None, None, None, None, 0.0)

    monkeypatch.setattr(HighsSolver, "solve", out_of_time)
    problem = parse(crowd({}))
    model = build(problem, problem.pairs, [pair.value for pair in problem.pairs]).model
    lp_bound = HighsSolver().solve(model, relax=True).objective
    result = solve(crowd({}))
    assert result["status"] == "time_limit" and result["objective"] is None
    assert result["bound"] == round(lp_bound, 6) and result["gap"] is None


def test_a_tiny_time_limit_still_gives_a_valid_answer():
    instance = crowd({"time_limit_s": 0.001})
    result = solve(instance)
    assert result["status"] in ("optimal", "feasible", "time_limit")
    assert violations(instance, result) == []
    json.dumps(result)


# Malformed instances ---------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"visits": [], "applicants": [\xff]}', "not UTF-8 text"),
        (b'{"visits": [], "options": {"seed": ' + b"9" * 5000 + b"}}", "a number is too long"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
    ids=["not-utf8", "long-number", "deep"],
)
def test_an_unreadable_file_ends_the_command_line_with_one_line(tmp_path, capsys, content, message):
    path = tmp_path / "instance.json"
    path.write_bytes(content)
    assert main(["select", str(path)]) == 2
    error = capsys.readouterr().err
    assert error == f"citypeers optimise select: {path}: {message}\n"
