"""The selection page in words: a run's result by name, and who two runs place differently."""

import pytest

from citypeers.calls.models import SelectionRun
from citypeers.calls.texts.selection import moved_rows, named_result
from tests.factories import UserFactory, VisitFactory, sent_application

pytestmark = pytest.mark.django_db


def hand_run(call, number, *, assignments, waiting=None, decisions=None, considered=None):
    """A finished run with the result given, every applicant asking for every visit; those
    `assignments` place are selected unless `decisions` says more."""
    visits = [str(v.pk) for v in call.visits.order_by("starts_on", "pk")]
    keys = considered if considered is not None else [str(a.pk) for a in call.applications.all()]
    return SelectionRun.objects.create(
        call=call,
        number=number,
        status="done",
        instance={
            "visits": [{"id": v, "capacity": 1, "quotas": []} for v in visits],
            "applicants": [{"id": k, "preferences": visits, "score": 1} for k in keys],
        },
        result={
            "status": "optimal",
            "assignments": assignments,
            "waiting_lists": waiting or {},
            "decisions": {a: {"visit": v} for v, keys in assignments.items() for a in keys}
            | (decisions or {}),
        },
    )


@pytest.fixture
def people(call):
    return [sent_application(call, UserFactory(display_name=n)) for n in ("Aino", "Bram", "Zoë")]


def test_a_run_without_a_result_has_nothing_to_show(call):
    assert named_result(call, None) is None
    assert named_result(call, SelectionRun.objects.create(call=call, number=1, instance={})) is None


def test_the_result_names_people_visits_and_reasons(call, people):
    aino, bram, zoe = people
    vantaa = str(call.visits.get().pk)
    run = hand_run(
        call,
        1,
        assignments={vantaa: [str(aino.pk)]},
        waiting={vantaa: [str(bram.pk)]},
        decisions={
            str(aino.pk): {
                "visit": vantaa,
                "why": {"code": "selected", "preference": 1, "visit": vantaa},
            },
            str(bram.pk): {"reason": "full"},
            str(zoe.pk): {"why": {"code": "asked_nothing"}},
        },
    )
    run.result["infeasible_quotas"] = [{"visit": vantaa, "attribute": "country"}]
    result = named_result(call, run)
    [visit] = result["visits"]
    assert visit["visit"].title == "Vantaa"
    assert visit["selected"] == [(aino, "selected for preference 1 (Vantaa)")]
    assert visit["waiting"] == [(bram, "full")]
    assert result["not_selected"] == [(zoe, "not selected: no visit was asked for")]
    assert result["infeasible"] == [
        {"visit": vantaa, "attribute": "country", "visit_name": "Vantaa"}
    ]


def test_who_moved_is_listed_by_where_the_later_run_puts_them(call, people):
    kortrijk = VisitFactory(programme=call.programme, title="Kortrijk")
    call.visits.add(kortrijk)
    v, k = str(call.visits.get(title="Vantaa").pk), str(kortrijk.pk)
    a, b, z = (str(p.pk) for p in people)
    before = hand_run(call, 1, assignments={v: [a], k: [b]}, waiting={v: [z]})
    after = hand_run(
        call,
        2,
        assignments={v: [z], k: [b]},
        waiting={},
        decisions={z: {"visit": v, "why": {"code": "selected", "preference": 1, "visit": v}}},
        considered=[b, z],
    )
    rows = moved_rows(call, before, after)
    assert [(str(r["person"]), r["before"], r["after"], r["reason"]) for r in rows] == [
        (
            "Zoë",
            "waiting list of “Vantaa”, position 1",
            "a place on “Vantaa”",
            "selected for preference 1 (Vantaa)",
        ),
        ("Aino", "a place on “Vantaa”", "not considered in this run", ""),
    ]


def test_people_who_moved_to_the_same_outcome_are_in_name_order(call, people):
    v = str(call.visits.get().pk)
    a, b, z = (str(p.pk) for p in people)
    before = hand_run(call, 1, assignments={v: [a, b, z]})
    after = hand_run(call, 2, assignments={v: []}, decisions={z: {}, a: {}, b: {}})
    rows = moved_rows(call, before, after)
    assert [(str(r["person"]), r["after"]) for r in rows] == [
        ("Aino", "not selected"),
        ("Bram", "not selected"),
        ("Zoë", "not selected"),
    ]
