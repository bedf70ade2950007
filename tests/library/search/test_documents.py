"""The searchable text of a practice (`library.search.documents`)."""

import pytest
from django.utils import translation

from citypeers.library.search.documents import (
    practice_document,
    published_practices,
    strip_markdown,
)
from tests.factories import (
    OrganisationFactory,
    PlaceFactory,
    PublishedPracticeFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


def test_link_targets_are_not_searched(library, found):
    assert found("zeppelin") == []
    assert found("study") == ["Barracks for start-ups"]


@pytest.mark.parametrize(
    ("markdown", "prose"),
    [
        ("## Results ##\n\nWe **won** _twice_.", "Results We won twice."),
        ("> quoted\n> > nested", "quoted nested"),
        ("- one\n+ two\n* three\n1. four\n2) five", "one two three four five"),
        ("Read [the report](https://x.org/a).", "Read the report."),
        ("![a mill](mill.png) stands", "a mill stands"),
        ("See [the study][1].\n\n[1]: https://x.org/study", "See the study."),
        ("Write to <mailto:a@b.eu> or <https://x.org>.", "Write to or ."),
        ("| a | b |\n|---|:-:|\n| c | d |", "a b c d"),
        ("above\n\n---\n\nbelow\n***", "above below"),
        ("`code` and ~~struck~~", "code and struck"),
        ("snake_case_words", "snake case words"),
    ],
)
def test_markdown_syntax_and_link_targets_are_left_out(markdown, prose):
    assert strip_markdown(markdown) == prose


@pytest.mark.parametrize(
    "prose", ["C# and F# teams", "a > b and 3 - 2", "#hashtag", "info@city.eu"]
)
def test_prose_that_only_looks_like_markdown_survives(prose):
    assert strip_markdown(prose) == prose


def test_a_document_holds_title_tagline_taxonomy_and_every_text_field():
    practice = PublishedPracticeFactory(
        title="Night **ferries**",
        tagline="Boats after dark.",
        summary="Short.",
        lessons="Start small.",
        transferability="Any port.",
        language="fr",
        places=[PlaceFactory(name="Turku", country="FI"), PlaceFactory(name="Åbo", country="FI")],
        themes=[ThemeFactory(name="Water")],
    )
    practice.organisations.add(OrganisationFactory(name="Föli"))
    document = practice_document(practice)
    assert document.practice_id == practice.pk
    assert document.language == "fr"
    assert document.parts == (
        "Night ferries",
        "Boats after dark.",
        "Turku · Åbo · Finland · Water · Föli",
        "Short. Start small. Any port.",
    )


def test_country_names_are_indexed_in_english_whatever_the_language(found):
    practice = PublishedPracticeFactory(places=[PlaceFactory(country="DE")])
    with translation.override("fr"):
        document = practice_document(practice)
    assert "Germany" in document.taxonomy and "Allemagne" not in document.taxonomy
    assert found("germany") == [practice.title]


def test_compatibility_characters_are_found_by_their_plain_letters(found):
    PublishedPracticeFactory(title="Municipal ﬁnance")
    assert found("finance") == ["Municipal ﬁnance"]


def test_the_index_holds_the_published_practices_with_what_they_are_filed_under(
    library, django_assert_max_num_queries
):
    with django_assert_max_num_queries(4):
        documents = [practice_document(practice) for practice in published_practices()]
    assert [document.practice_id for document in documents] == sorted(
        library[key].pk for key in ("fortress", "harbour", "musee", "barracks")
    )
    assert documents[0].taxonomy == "Šibenik · Croatia"
