"""What the library's tests share: a small searchable library and ways to read the index."""

import pytest
from django.db import connection

from citypeers.catalogue.models import Practice
from citypeers.library.selectors import LibraryQuery, library_listing
from tests.factories import (
    PlaceFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
)


@pytest.fixture
def library(db):
    """Four published practices (one in French) and a draft, all about heritage or reuse."""
    sibenik = PlaceFactory(name="Šibenik", country="HR")
    return {
        "fortress": PublishedPracticeFactory(
            title="Heritage trail of Šibenik",
            summary="Walks through the old town.",
            places=[sibenik],
        ),
        "harbour": PublishedPracticeFactory(
            title="A new life for the harbour",
            summary="The port shows its **heritage** to visitors, by boat and on foot.",
        ),
        "musee": PublishedPracticeFactory(
            title="Les enfants au musée",
            summary="Des ateliers pour les écoles.",
            language="fr",
        ),
        "barracks": PublishedPracticeFactory(
            title="Barracks for start-ups",
            summary="The adaptive reuse of a barracks. See [the study](https://example.org/zeppelin).",
        ),
        "draft": PracticeFactory(title="Heritage draft", summary="Heritage, heritage, heritage."),
    }


@pytest.fixture
def found():
    """Titles of the practices a text finds, most relevant first, as the library lists them."""

    def titles_found(text: str, **filters) -> list[str]:
        ids = library_listing(query=LibraryQuery(q=text, **filters)).practice_ids
        titles = {practice.pk: practice.title for practice in Practice.objects.filter(pk__in=ids)}
        return [titles[pk] for pk in ids]

    return titles_found


@pytest.fixture
def indexed_ids():
    """The ids of the practices the full-text index holds (each once), read from its table."""
    sql = {
        "sqlite": "SELECT rowid FROM library_practice_fts",
        "postgresql": "SELECT practice_id FROM library_practice_search",
    }[connection.vendor]

    def read() -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            ids = [row[0] for row in cursor.fetchall()]
        assert len(ids) == len(set(ids)), "a practice indexed twice"
        return set(ids)

    return read


@pytest.fixture
def two_practices(db):
    """Two published practices in Šibenik and Rotterdam, and a draft about a fortress."""
    reuse = ThemeFactory(name="Adaptive re-use", slug="adaptive-re-use")
    participation = ThemeFactory(name="Participation", slug="participation")
    sibenik = PlaceFactory(name="Šibenik", country="HR", population=31_115)
    rotterdam = PlaceFactory(name="Rotterdam", country="NL", population=650_000)
    fortress = PublishedPracticeFactory(
        title="Fortress of Culture",
        summary="Three fortresses became a cultural hotspot.",
        places=[sibenik],
        themes=[reuse],
        willing_to_host=True,
        type="structure",
    )
    archive = PublishedPracticeFactory(
        title="Archive and grassroots lab",
        summary="The city archive cooperates with DIG IT UP.",
        places=[rotterdam],
        themes=[participation],
        type="project",
    )
    PracticeFactory(title="Unpublished fortress draft", places=[sibenik], themes=[reuse])
    return {"fortress": fortress, "archive": archive}
