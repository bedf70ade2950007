"""The selection's reasons as people read them: visits by title, quotas in words, their
language."""

import pytest
from django.utils import translation

from citypeers.calls.texts.reasons import reason_text

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
