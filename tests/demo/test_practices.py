import datetime
import re

import pytest
from django.conf import settings
from django.core.validators import URLValidator

from citypeers.catalogue.models import TEXT_FIELDS, Practice
from citypeers.demo import programme_2021 as demo
from citypeers.demo.practices import (
    CHIA_2021_PRACTICES,
    DEMO_SENTENCE,
    SIZE_HINTS,
    THEMES,
    generated_practices,
)
from citypeers.people.models import Organisation
from citypeers.places.countries import EU_MEMBERS, PROGRAMME_COUNTRIES

COMMON_KEYS = {
    "title",
    "tagline",
    "type",
    "themes",
    *TEXT_FIELDS,
    "started_on",
    "links",
    "willing_to_host",
    "language",
}
CHIA_KEYS = COMMON_KEYS | {
    "host",
    "country",
    "visit_starts_on",
    "visit_ends_on",
    "organisation",
    "organisation_type",
}
GENERATED_KEYS = COMMON_KEYS | {"size_hint", "country_hint"}
TYPES = set(Practice.Type.values)


def _max_length(field: str) -> int:
    return Practice._meta.get_field(field).text_max_length  # a translated text's, per language


def _words(text: str) -> int:
    return len(re.findall(r"\S+", text))


def _assert_fits_the_model(practice: dict) -> None:
    assert 0 < len(practice["title"]) <= _max_length("title")
    assert 0 < len(practice["tagline"]) <= _max_length("tagline")
    assert "\n" not in practice["tagline"]
    assert practice["type"] in TYPES
    assert 1 <= len(practice["themes"]) <= 3
    assert len(set(practice["themes"])) == len(practice["themes"])
    assert set(practice["themes"]) <= set(THEMES)
    assert practice["language"] in dict(settings.LANGUAGES)
    assert isinstance(practice["willing_to_host"], bool)
    started_on = practice["started_on"]
    assert started_on is None or isinstance(started_on, datetime.date)


def test_the_ten_chia_practices_match_the_2021_visits():
    assert len(CHIA_2021_PRACTICES) == len(demo.CHIA_2021_VISITS) == 10
    for practice, (host, country, _kind, _title) in zip(
        CHIA_2021_PRACTICES, demo.CHIA_2021_VISITS, strict=True
    ):
        assert set(practice) == CHIA_KEYS
        assert practice["host"] == host
        assert practice["country"] == country
        assert practice["country"] in PROGRAMME_COUNTRIES


@pytest.mark.parametrize("practice", CHIA_2021_PRACTICES, ids=lambda p: p["host"])
def test_a_chia_practice_fits_the_model_and_the_word_limits(practice):
    _assert_fits_the_model(practice)
    starts, ends = practice["visit_starts_on"], practice["visit_ends_on"]
    assert starts.year == ends.year == 2021
    assert ends >= starts
    assert practice["organisation_type"] in Organisation.Type.values
    assert 0 < len(practice["organisation"]) <= Organisation._meta.get_field("name").max_length
    assert practice["willing_to_host"] is True
    links = practice["links"].split("\n")
    assert len(links) >= 2 and len(set(links)) == len(links)
    for link in links:
        URLValidator(schemes=["http", "https"])(link)
    assert 80 <= _words(practice["summary"]) <= 140
    for field in TEXT_FIELDS[1:]:
        assert 40 <= _words(practice[field]) <= 100, field
    assert practice["activities"].startswith("- ")
    assert "http" not in " ".join(practice[field] for field in TEXT_FIELDS)
    assert not practice["summary"].startswith(DEMO_SENTENCE)


def test_only_chia_practices_with_a_known_start_have_a_start_date():
    started = {p["host"]: p["started_on"] for p in CHIA_2021_PRACTICES if p["started_on"]}
    assert started == {
        "Tampere": datetime.date(2008, 1, 1),  # Adopt a Monument, since 2008
        "Budapest": datetime.date(2011, 1, 1),  # Budapest100, since 2011
        "Nantes": datetime.date(2019, 5, 1),  # Nantes Patrimonia, launched in May 2019
    }


def test_generated_practices_are_deterministic():
    assert generated_practices() == generated_practices()
    assert generated_practices(count=20, seed=7) == generated_practices(count=20, seed=7)
    assert generated_practices(count=20, seed=7) != generated_practices(count=20, seed=8)


def test_generated_practices_have_unique_titles_and_say_they_are_made_up():
    practices = generated_practices()
    assert len(practices) == 300
    assert len({p["title"] for p in practices}) == 300
    assert len(generated_practices(count=12)) == 12
    for practice in practices:
        assert set(practice) == GENERATED_KEYS
        assert practice["summary"].startswith(DEMO_SENTENCE)
        _assert_fits_the_model(practice)
        assert practice["links"] == ""  # made-up practices invent no addresses
        assert practice["size_hint"] in SIZE_HINTS
        assert practice["country_hint"] in PROGRAMME_COUNTRIES
        assert datetime.date(2005, 1, 1) <= practice["started_on"] <= datetime.date(2024, 12, 31)


def test_generated_practices_spread_over_all_choices():
    practices = generated_practices()
    assert {p["type"] for p in practices} == TYPES
    assert {theme for p in practices for theme in p["themes"]} == set(THEMES)
    sizes = [p["size_hint"] for p in practices]
    assert [sizes.count(hint) for hint in SIZE_HINTS] == [105, 105, 60, 30]  # 35/35/20/10 %
    assert [len(generated_practices(count=n)) for n in (0, 1, 7)] == [0, 1, 7]
    assert {len(p["themes"]) for p in practices} == {1, 2, 3}
    hosting = sum(p["willing_to_host"] for p in practices)
    assert 0.2 * len(practices) <= hosting <= 0.4 * len(practices)
    in_the_eu = sum(p["country_hint"] in EU_MEMBERS for p in practices)
    assert in_the_eu > 0.7 * len(practices)
    assert {p["country_hint"] for p in practices} - EU_MEMBERS  # and some beyond it


@pytest.mark.parametrize("word", ["mill", "volunteer", "digital", "school", "church", "harbour"])
def test_common_search_words_find_several_generated_practices(word):
    def text(practice: dict) -> str:
        fields = ["title", "tagline", *TEXT_FIELDS]
        return " ".join(practice[field] for field in fields).lower()

    assert sum(word in text(p) for p in generated_practices()) >= 5
