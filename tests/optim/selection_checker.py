"""An independent checker for selection results, written from the documented formats only.

The selection tests judge `solve`'s output with these functions, so they must not share code
with the solver: quotas are re-read from the raw instance with exact fractions, and the quota
names are rebuilt from the wording docs/optim_selection.md gives. The checker's own tests are
in test_selection_properties.py, beside the properties it judges.
"""

import itertools
from fractions import Fraction

DEFAULT_WEIGHTS = [1.0, 0.8]


def visit_by_id(instance: dict) -> dict[str, dict]:
    return {visit["id"]: visit for visit in instance["visits"]}


def applicant_by_id(instance: dict) -> dict[str, dict]:
    return {person["id"]: person for person in instance["applicants"]}


def options(instance: dict) -> dict:
    return instance.get("options", {})


def quotas(instance: dict, visit: dict) -> list[dict]:
    """The visit's quotas, with the options' max_per_organisation as one more."""
    found = list(visit.get("quotas", []))
    per_organisation = options(instance).get("max_per_organisation")
    if per_organisation is not None:
        found.append({"attribute": "organisation", "max_per_value": per_organisation})
    return found


def score(person: dict, visit_id: str) -> float:
    return person["score"] if "score" in person else person["scores"][visit_id]


def weighted(instance: dict, person: dict, visit_id: str) -> float:
    weights = options(instance).get("preference_weights", DEFAULT_WEIGHTS)
    return score(person, visit_id) * weights[person["preferences"].index(visit_id)]


def eligible(instance: dict, person: dict, visit_id: str) -> bool:
    """Asked for, not excluded, has places, and (in lottery mode) at or above the threshold."""
    if visit_id not in person["preferences"] or visit_id in person.get("excluded_visits", []):
        return False
    if visit_by_id(instance)[visit_id]["capacity"] == 0:
        return False
    threshold = options(instance).get("threshold")
    lottery = options(instance).get("mode") == "lottery"
    return not (lottery and threshold is not None and score(person, visit_id) < threshold)


def bound_names(quota: dict) -> list[tuple[str, str, Fraction]]:
    """Each bound of a quota: (its name in reasons, kind, bound)."""
    attribute = quota["attribute"]
    if "max_per_value" in quota:
        return [
            (
                f"at most {quota['max_per_value']} per {attribute}",
                "max_per_value",
                Fraction(quota["max_per_value"]),
            )
        ]
    found = []
    for kind in ("min", "max", "min_share", "max_share"):
        if kind in quota:
            side = "at least" if kind.startswith("min") else "at most"
            amount = quota[kind]
            if kind.endswith("share"):
                amount = f"{float(Fraction(str(amount)) * 100):g}%"
            name = f"{side} {amount} with {attribute} = {quota['value']}"
            found.append((name, kind, Fraction(str(quota[kind]))))
    return found


def broken(instance: dict, visit: dict, members: list[dict]) -> set[str]:
    """The names of the quota bounds `members` at `visit` break, as reasons name them."""
    size = len(members)
    names = set()
    for quota in quotas(instance, visit):
        attribute = quota["attribute"]
        values = [person.get("attributes", {}).get(attribute) for person in members]
        for name, kind, bound in bound_names(quota):
            if kind == "max_per_value":
                for value in sorted({v for v in values if v is not None}):
                    if values.count(value) > bound:
                        names.add(f"'{name}' ({attribute} = {value})")
                continue
            count = values.count(quota["value"])
            holds = {
                "min": count >= bound,
                "max": count <= bound,
                "min_share": count >= bound * size,
                "max_share": count <= bound * size,
            }[kind]
            if not holds:
                names.add(f"'{name}'")
    return names


def selected_at(result: dict, instance: dict) -> dict[str, list[dict]]:
    people = applicant_by_id(instance)
    return {visit_id: [people[a] for a in ids] for visit_id, ids in result["assignments"].items()}


def violations(instance: dict, result: dict) -> list[str]:
    """Every hard constraint the result breaks, in words; [] when it keeps them all."""
    found = []
    visits, people = visit_by_id(instance), applicant_by_id(instance)
    assigned = [a for ids in result["assignments"].values() for a in ids]
    if len(assigned) != len(set(assigned)):
        found.append("someone is selected twice")
    for visit_id, ids in result["assignments"].items():
        visit = visits[visit_id]
        if len(ids) > visit["capacity"]:
            found.append(f"{visit_id}: {len(ids)} selected for {visit['capacity']} places")
        for applicant_id in ids:
            if not eligible(instance, people[applicant_id], visit_id):
                found.append(f"{visit_id}: {applicant_id} did not ask for it or may not go")
        found += [
            f"{visit_id} breaks {name}"
            for name in sorted(broken(instance, visit, [people[a] for a in ids]))
        ]
    for applicant_id, decision in result["decisions"].items():
        visit_id = decision["visit"]
        if (visit_id is not None) != (applicant_id in assigned):
            found.append(f"{applicant_id}: the decision and the assignments disagree")
        if visit_id is not None:
            if applicant_id not in result["assignments"][visit_id]:
                found.append(f"{applicant_id}: decided for {visit_id} but not assigned there")
            preferences = people[applicant_id]["preferences"]
            rank = preferences.index(visit_id) + 1 if visit_id in preferences else None
            if decision["preference"] != rank:
                found.append(f"{applicant_id}: preference {decision['preference']} != {rank}")
    return found


def feasible_assignments(instance: dict):
    """Every assignment (applicant id -> visit id or None) that keeps every hard constraint."""
    people = instance["applicants"]
    choices = [
        [None] + [v for v in person["preferences"] if eligible(instance, person, v)]
        for person in people
    ]
    visits = instance["visits"]
    for combination in itertools.product(*choices):
        members = {visit["id"]: [] for visit in visits}
        for person, visit_id in zip(people, combination, strict=True):
            if visit_id is not None:
                members[visit_id].append(person)
        if all(
            len(members[v["id"]]) <= v["capacity"] and not broken(instance, v, members[v["id"]])
            for v in visits
        ):
            yield {p["id"]: v for p, v in zip(people, combination, strict=True)}


def merit_value(instance: dict, assignment: dict) -> float:
    people = applicant_by_id(instance)
    return sum(weighted(instance, people[a], v) for a, v in assignment.items() if v is not None)
