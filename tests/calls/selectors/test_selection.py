"""A visit's settings with their defaults, and the documented export of a run."""

import pytest
from django.utils import timezone

from citypeers.calls.enums import DEFAULT_CAPACITY, Outcome
from citypeers.calls.models import SelectionRun
from citypeers.calls.selectors.selection import selection_export, visit_settings
from tests.calls.helpers import apply
from tests.factories import VisitFactory

pytestmark = pytest.mark.django_db


def test_what_coordinators_left_out_takes_its_default(call):
    vantaa = call.visits.get()
    other = VisitFactory(programme=call.programme)
    call.selection_settings["visits"][str(vantaa.pk)] |= {"max_per_country": 2}
    assert visit_settings(call, vantaa) == {
        "capacity": 1,
        "max_per_country": 2,
        "min_share_small_medium": None,
        "min_share_civil_society": None,
    }
    assert visit_settings(call, other)["capacity"] == DEFAULT_CAPACITY


def test_before_any_run_nobody_is_considered_so_the_export_says_ineligible(call):
    aino = apply(call, "Aino")
    export = selection_export(call, None)
    assert export["visits"] == []
    [row] = export["applications"]
    assert (row["id"], row["status"], row["score"], row["preferences"]) == (
        aino.pk,
        "ineligible",
        None,
        ["vantaa"],
    )


def test_the_export_describes_each_person_without_naming_them(call):
    aino = apply(call, "Aino", "FI", organisation_type="civil", population=20_000)
    vantaa = str(call.visits.get().pk)
    run = SelectionRun.objects.create(
        call=call,
        number=1,
        status="done",
        instance={
            "visits": [{"id": vantaa, "capacity": 1, "quotas": [{"attribute": "country"}]}],
            "applicants": [{"id": str(aino.pk), "preferences": [vantaa], "score": 51.5}],
        },
        result={"decisions": {str(aino.pk): {"visit": vantaa, "reason": "chosen"}}},
    )
    export = selection_export(call, run)
    assert export["visits"] == [
        {"slug": "vantaa", "capacity": 1, "quotas": [{"attribute": "country"}]}
    ]
    assert export["applications"] == [
        {
            "id": aino.pk,
            "country": "FI",
            "organisation_type": "civil",
            "city_size": "small",
            "preferences": ["vantaa"],
            "score": 51.5,
            "status": "selected",
            "visit": "vantaa",
            "waiting_position": None,
            "reason": "chosen",
        }
    ]
    assert "Aino" not in str(export)


def test_once_published_the_export_says_what_applicants_were_told_since(call):
    aino, bram = apply(call, "Aino"), apply(call, "Bram")
    vantaa = call.visits.get()
    run = SelectionRun.objects.create(
        call=call,
        number=1,
        status="done",
        published_at=timezone.now(),
        instance={
            "visits": [{"id": str(vantaa.pk), "capacity": 1, "quotas": []}],
            "applicants": [
                {"id": str(a.pk), "preferences": [str(vantaa.pk)], "score": 1} for a in (aino, bram)
            ],
        },
        result={
            "decisions": {str(aino.pk): {"visit": str(vantaa.pk)}, str(bram.pk): {}},
            "waiting_lists": {str(vantaa.pk): [str(bram.pk)]},
        },
    )
    aino.outcome, aino.outcome_visit, aino.outcome_reason = Outcome.DECLINED, vantaa, "declined"
    aino.save()
    bram.outcome, bram.outcome_visit = Outcome.SELECTED, vantaa
    bram.outcome_reason = "offered the place freed by a decline"
    bram.save()
    rows = {row["id"]: row for row in selection_export(call, run)["applications"]}
    assert (rows[aino.pk]["status"], rows[aino.pk]["visit"]) == ("declined", "vantaa")
    assert rows[bram.pk]["status"] == "selected"
    assert rows[bram.pk]["reason"] == "offered the place freed by a decline"
