"""The selection's reasons as people read them: visits by title, quotas in words, their
language."""

import pytest
from django.utils import translation

from citypeers.calls.enums import Outcome
from citypeers.calls.texts.reasons import application_reason, quota_text, reason_text
from tests.factories import UserFactory, sent_application

pytestmark = pytest.mark.django_db


TITLES = {"1": "Vantaa", "2": "Kortrijk"}


PER_COUNTRY = {
    "kind": "max_per_value",
    "attribute": "country",
    "value": None,
    "bound": 3,
    "concerned": "FR",
}


SMALL_CITIES = {
    "kind": "min_share",
    "attribute": "city_size_group",
    "value": "small_or_medium",
    "bound": 0.3,
    "concerned": "small_or_medium",
}


def test_a_selection_names_the_visit_by_its_title():
    why = {"code": "selected", "preference": 2, "visit": "2"}
    assert reason_text(why, TITLES) == "selected for preference 2 (Kortrijk)"


def test_each_preference_says_what_stood_in_the_way_with_quotas_in_words():
    why = {
        "code": "not_selected",
        "none_open": False,
        "preferences": [
            {
                "preference": 1,
                "visit": "1",
                "code": "quota_blocks_entry",
                "free": 1,
                "quotas": [PER_COUNTRY],
                "replacing": {"lower": 2, "quotas": [PER_COUNTRY, SMALL_CITIES]},
            },
            {"preference": 2, "visit": "2", "code": "full", "capacity": 24},
        ],
    }
    assert reason_text(why, TITLES) == (
        "not selected: preference 1 (Vantaa): 1 place was left free, but taking it would break "
        "the quota “at most 3 per country (France)”; replacing any of the 2 selected with lower "
        "scores would break the quotas “at most 3 per country (France)” or “at least 30% from "
        "small or medium cities”; preference 2 (Kortrijk): all 24 places went to applicants "
        "with higher or equal scores"
    )


def test_reasons_read_in_the_readers_language():
    why = {
        "code": "not_selected",
        "none_open": False,
        "preferences": [{"preference": 1, "visit": "1", "code": "full", "capacity": 1}],
    }
    english = reason_text(why, TITLES)
    with translation.override("fr"):
        french = reason_text(why, TITLES)
    assert "Vantaa" in french and french != english
    assert reason_text({"code": "offered"}, TITLES) == "offered the place freed by a decline"


def test_without_data_the_optimisers_english_is_kept():
    assert reason_text({}, TITLES, "selected for preference 1 (1)") == (
        "selected for preference 1 (1)"
    )
    assert reason_text({"code": "something new"}, TITLES, "as written") == "as written"


def test_someone_waiting_reads_no_place_yet_rather_than_not_selected():
    full = {"preference": 1, "visit": "1", "code": "full", "capacity": 1}
    why = {"code": "not_selected", "none_open": False, "preferences": [full]}
    assert reason_text(why, TITLES, waiting=True).startswith("no place yet: preference 1 (Vantaa)")
    assert reason_text(why, TITLES).startswith("not selected: preference 1 (Vantaa)")


@pytest.mark.parametrize(
    ("why", "sentence"),
    [
        (
            {"code": "drawn", "chance": 0.25, "preference": 1, "visit": "1"},
            "drawn in the lottery (chance 25%); selected for preference 1 (Vantaa)",
        ),
        (
            {"code": "infeasible"},
            "not selected: the quotas cannot all be met, so no selection was made",
        ),
        ({"code": "time_limit"}, "not selected: no selection was found in the time allowed"),
        ({"code": "asked_nothing"}, "not selected: no visit was asked for"),
        (
            {"code": "not_drawn", "chance": 0.125},
            "not selected: not drawn in the lottery (chance 12.5%)",
        ),
        (
            {"code": "cannot_fit"},
            "not selected: no selection that keeps every quota and the places can include this "
            "application",
        ),
        ({"code": "no_answer"}, "no answer by the date asked"),
        ({"code": "host"}, "chosen to host a visit"),
    ],
)
def test_every_kind_of_decision_has_its_sentence(why, sentence):
    assert reason_text(why, TITLES) == sentence


@pytest.mark.parametrize(
    ("clause", "text"),
    [
        ({"code": "excluded"}, "left out of it by the coordinators"),
        ({"code": "no_places"}, "it has no places"),
        ({"code": "below_threshold"}, "the review score is below the lottery threshold"),
        ({"code": "lottery"}, "not drawn in the lottery"),
        ({"code": "adds_nothing"}, "a place was free, but the score adds nothing"),
        (
            {"code": "full", "capacity": 1},
            "the place went to an applicant with a higher or equal score",
        ),
        (
            {"code": "replacing_breaks", "replacing": {"lower": 1, "quotas": [PER_COUNTRY]}},
            "replacing the one selected with a lower score would break the quota "
            "“at most 3 per country (France)”",
        ),
        (
            {"code": "quota_blocks_entry", "free": 2, "quotas": [SMALL_CITIES]},
            "2 places were left free, but taking one would break the quota "
            "“at least 30% from small or medium cities”",
        ),
        ({"code": "something the optimiser learns later"}, ""),
    ],
)
def test_each_preference_names_what_stood_in_its_way(clause, text):
    why = {"code": "not_selected", "preferences": [{"preference": 1, "visit": "1"} | clause]}
    assert reason_text(why, TITLES) == f"not selected: preference 1 (Vantaa): {text}"


def test_when_no_visit_asked_for_was_open_the_reason_says_so():
    why = {
        "code": "not_selected",
        "none_open": True,
        "preferences": [{"preference": 1, "visit": "2", "code": "excluded"}],
    }
    assert reason_text(why, TITLES) == (
        "not selected: no visit asked for was open to this application "
        "(preference 1 (Kortrijk): left out of it by the coordinators)"
    )


def test_a_visit_the_reader_cannot_name_is_shown_by_its_id():
    why = {"code": "selected", "preference": 1, "visit": "99"}
    assert reason_text(why, TITLES) == "selected for preference 1 (99)"


@pytest.mark.parametrize(
    ("quota", "words"),
    [
        (PER_COUNTRY, "at most 3 per country (France)"),
        (
            {"kind": "max_per_value", "attribute": "organisation", "bound": 1},
            "at most 1 per organisation",
        ),
        (SMALL_CITIES, "at least 30% from small or medium cities"),
        (
            {"kind": "min_share", "attribute": "organisation_type", "value": "civil", "bound": 0.5},
            "at least 50% from civil-society organisations",
        ),
        ({"kind": "max_per_value", "attribute": "region", "bound": 2}, "at most 2 per region"),
        (
            {"kind": "min", "attribute": "language", "value": "fr", "bound": 2},
            "at least 2 with language = fr",
        ),
        (
            {"kind": "max_share", "attribute": "city_size", "value": "large", "bound": 0.25},
            "at most 25% with city_size = large",
        ),
        (
            {"kind": "max_per_value", "attribute": "country", "bound": 2, "concerned": "XX"},
            "at most 2 per country (XX)",
        ),
    ],
)
def test_quotas_in_words(quota, words):
    assert quota_text(quota) == words


def test_reasons_in_french_name_the_country_and_the_share_in_french():
    why = {
        "code": "not_selected",
        "preferences": [
            {
                "preference": 1,
                "visit": "1",
                "code": "quota_blocks_entry",
                "free": 1,
                "quotas": [PER_COUNTRY, SMALL_CITIES],
            }
        ],
    }
    with translation.override("fr"):
        french = reason_text(why, TITLES)
        drawn = reason_text({"code": "not_drawn", "chance": 0.125}, TITLES)
    assert french == (
        "candidature non retenue : choix n° 1 (Vantaa) : 1 place restait libre, mais la prendre "
        "enfreindrait les quotas « au plus 3 par pays (France) » ou « au moins 30 % de petites "
        "ou moyennes villes »"
    )
    assert "12,5" in drawn  # the French decimal comma


@pytest.mark.django_db
def test_a_published_reason_reads_in_the_applicants_language_with_visits_by_title(call):
    vantaa = call.visits.get()
    application = sent_application(call, UserFactory())
    application.outcome = Outcome.WAITLISTED
    application.outcome_why = {
        "code": "not_selected",
        "preferences": [{"preference": 1, "visit": str(vantaa.pk), "code": "full", "capacity": 1}],
    }
    application.outcome_reason = "not selected: preference 1 (42): full"
    assert application_reason(application) == (
        "no place yet: preference 1 (Vantaa): the place went to an applicant with a higher or "
        "equal score"
    )
    application.outcome_why = {}
    assert application_reason(application) == "not selected: preference 1 (42): full"
