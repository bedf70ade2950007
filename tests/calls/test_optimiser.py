"""A call as the optimiser's instance: places and quotas per visit, who is considered and with
which score; the solve, and who is offered a freed place."""

import pytest

from citypeers.calls.enums import PINNED_SCORE
from citypeers.calls.models import Criterion
from citypeers.calls.optimiser import (
    InstanceError,
    freed_place_offer,
    selection_instance,
    selection_solve,
)
from citypeers.calls.services.review import reviewers_assign, scores_save
from citypeers.calls.services.selection import selection_override_save
from tests.calls.helpers import apply, close, reviewer
from tests.factories import UserFactory, VisitFactory, sent_application

pytestmark = pytest.mark.django_db


def considered(instance: dict) -> dict[str, dict]:
    return {item["id"]: item for item in instance["applicants"]}


def test_each_visit_brings_its_places_and_the_quotas_coordinators_set(call):
    vantaa = call.visits.get()
    weimar = VisitFactory(programme=call.programme, title="Weimar")
    call.visits.add(weimar)
    call.selection_settings["visits"][str(vantaa.pk)] = {
        "capacity": 4,
        "max_per_country": 2,
        "min_share_small_medium": 0.3,
        "min_share_civil_society": 0.25,
    }
    call.save()
    visits = {item["id"]: item for item in selection_instance(call)["visits"]}
    assert visits[str(vantaa.pk)] == {
        "id": str(vantaa.pk),
        "capacity": 4,
        "quotas": [
            {"attribute": "country", "max_per_value": 2},
            {"attribute": "city_size_group", "value": "small_or_medium", "min_share": 0.3},
            {"attribute": "organisation_type", "value": "civil", "min_share": 0.25},
        ],
    }
    assert visits[str(weimar.pk)] == {"id": str(weimar.pk), "capacity": 24, "quotas": []}


def test_an_applicant_brings_the_visits_offered_in_order_and_the_attributes_quotas_use(call):
    vantaa = call.visits.get()
    elsewhere = VisitFactory()  # not offered by this call
    aino = apply(
        call, "Aino", "FI", [elsewhere, vantaa], organisation_type="civil", population=20_000
    )
    [item] = selection_instance(call)["applicants"]
    assert item == {
        "id": str(aino.pk),
        "preferences": [str(vantaa.pk)],
        "score": 1,  # no review yet
        "attributes": {
            "country": "FI",
            "city_size": "small",
            "city_size_group": "small_or_medium",
            "organisation_type": "civil",
        },
    }


def test_a_large_city_is_not_small_or_medium_and_no_organisation_is_none(call):
    big = apply(call, "Bram", "BE", population=2_000_000)
    alone = sent_application(call, UserFactory(country="FR"), preferences=call.visits.all())
    people = considered(selection_instance(call))
    assert people[str(big.pk)]["attributes"]["city_size_group"] == "other"
    assert people[str(alone.pk)]["attributes"] == {
        "country": "FR",
        "city_size": "unknown",
        "city_size_group": "other",
        "organisation_type": "none",
    }


def test_the_score_is_one_plus_the_review_mean(call, programme, coordinator):
    criterion = Criterion.objects.create(call=call, name="Fit", scale_max=4)
    call.reviewers_per_application = 1
    call.save()
    person = reviewer(programme)
    aino = apply(call, "Aino")
    reviewers_assign(call=call, by=coordinator)
    close(call)  # reviewers score once the call has closed
    scores_save(assignment=aino.review_assignments.get(), by=person, scores={criterion: (3, "")})
    assert considered(selection_instance(call))[str(aino.pk)]["score"] == 76.0  # 1 + 75


def test_drafts_withdrawals_and_people_asking_for_nothing_offered_are_left_out(call):
    kept = apply(call, "Aino")
    withdrawn = apply(call, "Bram")
    withdrawn.status = "withdrawn"
    withdrawn.save()
    apply(call, "Chloé", visits=[VisitFactory()])
    apply(call, "Dirk", visits=[])
    assert list(considered(selection_instance(call))) == [str(kept.pk)]


def test_the_ineligible_are_left_out_unless_a_coordinator_decided_otherwise(call, coordinator):
    call.eligible_countries = ["FI"]
    call.save()
    finn, swiss, pinned = (
        apply(call, "Aino", "FI"),
        apply(call, "Zoë", "CH"),
        apply(call, "Ueli", "CH"),
    )
    overridden = apply(call, "Vreni", "CH")
    overridden.eligibility_override = True
    overridden.save()
    selection_override_save(
        call=call,
        by=coordinator,
        application=pinned,
        kind="pin",
        visit=call.visits.get(),
        reason="x",
    )
    people = considered(selection_instance(call))
    assert set(people) == {str(finn.pk), str(pinned.pk), str(overridden.pk)}
    assert str(swiss.pk) not in people


def test_a_pin_outranks_everyone_and_keeps_only_its_visit(call, coordinator):
    vantaa = call.visits.get()
    weimar = VisitFactory(programme=call.programme)
    call.visits.add(weimar)
    aino = apply(call, "Aino", visits=[vantaa, weimar])
    selection_override_save(
        call=call, by=coordinator, application=aino, kind="pin", visit=weimar, reason="Host asked"
    )
    item = considered(selection_instance(call))[str(aino.pk)]
    assert (item["preferences"], item["score"]) == ([str(weimar.pk)], PINNED_SCORE)


def test_a_pin_to_a_visit_no_longer_offered_keeps_the_persons_own_choices(call, coordinator):
    vantaa = call.visits.get()
    gone = VisitFactory(programme=call.programme)
    aino = apply(call, "Aino", visits=[vantaa])
    selection_override_save(
        call=call, by=coordinator, application=aino, kind="pin", visit=gone, reason="Old plan"
    )
    item = considered(selection_instance(call))[str(aino.pk)]
    assert (item["preferences"], item["score"]) == ([str(vantaa.pk)], PINNED_SCORE)


def test_an_exclusion_leaves_the_person_out(call, coordinator):
    aino, bram = apply(call, "Aino"), apply(call, "Bram")
    selection_override_save(
        call=call, by=coordinator, application=aino, kind="exclude", visit=None, reason="Left"
    )
    assert list(considered(selection_instance(call))) == [str(bram.pk)]


def test_merit_by_default_with_weights_for_as_many_preferences_as_the_call_asks(call):
    call.max_preferences = 3
    call.selection_settings.pop("mode")
    call.save()
    options = selection_instance(call)["options"]
    assert options["mode"] == "merit" and "threshold" not in options
    assert options["preference_weights"] == [1.0, 0.8, 0.6]
    assert options["seed"] == call.pk  # the same call draws the same lottery again


def test_a_lottery_brings_its_threshold(call):
    call.selection_settings |= {"mode": "lottery", "threshold": 40.0}
    call.save()
    options = selection_instance(call)["options"]
    assert (options["mode"], options["threshold"]) == ("lottery", 40.0)
    call.selection_settings["mode"] = "merit"
    assert "threshold" not in selection_instance(call)["options"]


def test_the_solve_places_the_best_score_and_lists_the_next(call, coordinator):
    aino, bram = apply(call, "Aino"), apply(call, "Bram")
    selection_override_save(
        call=call, by=coordinator, application=bram, kind="pin", visit=call.visits.get(), reason="x"
    )
    result = selection_solve(selection_instance(call))
    vantaa = str(call.visits.get().pk)
    assert result["assignments"][vantaa] == [str(bram.pk)]
    assert result["waiting_lists"][vantaa] == [str(aino.pk)]


def test_a_wrong_instance_is_refused_with_what_is_wrong():
    with pytest.raises(InstanceError):
        selection_solve({"visits": [{"id": "v", "capacity": -1, "quotas": []}], "applicants": []})


INSTANCE = {
    "visits": [
        {"id": "v", "capacity": 2, "quotas": [{"attribute": "country", "max_per_value": 1}]}
    ],
    "applicants": [
        {"id": key, "preferences": ["v"], "score": 1, "attributes": {"country": country}}
        for key, country in (("fi1", "FI"), ("se", "SE"), ("fi2", "FI"), ("de", "DE"))
    ],
}


def test_a_freed_place_goes_to_the_first_who_keeps_every_quota():
    offer = freed_place_offer(
        instance=INSTANCE, visit_id="v", holders=["fi1"], candidates=["fi2", "de"]
    )
    assert (offer.applicant, offer.keeps_every_quota) == ("de", True)


def test_holders_the_run_never_considered_do_not_count_against_the_quotas():
    offer = freed_place_offer(
        instance=INSTANCE, visit_id="v", holders=["host-added-later"], candidates=["fi2"]
    )
    assert offer.applicant == "fi2"


def test_when_nobody_keeps_the_quotas_nobody_is_offered_the_place():
    offer = freed_place_offer(instance=INSTANCE, visit_id="v", holders=["fi1"], candidates=["fi2"])
    assert offer.applicant is None and offer.note


def test_without_the_published_instance_the_first_in_line_is_offered_the_place():
    offer = freed_place_offer(
        instance=None, visit_id="v", holders=["fi1"], candidates=["fi2", "de"]
    )
    assert (offer.applicant, offer.keeps_every_quota) == ("fi2", True)
