"""Fixtures the catalogue's tests share: an author, their draft, a filled-in practice form."""

import pytest

from citypeers.catalogue import services
from tests.factories import PlaceFactory, ThemeFactory, UserFactory, practice_form_data


@pytest.fixture
def author(db):
    return UserFactory(display_name="Aino", languages=["en"])


@pytest.fixture
def draft(programme, author):
    return services.practice_create(
        by=author,
        data={
            "programme": programme,
            "title": "Adopt a Monument",
            "tagline": "Communities care for sites",
            "type": "project",
            "summary": "Residents adopt a monument.",
        },
        places=[PlaceFactory(name="Tampere", country="FI")],
        themes=[ThemeFactory()],
    )


@pytest.fixture
def form_data(programme):
    PlaceFactory(name="Tampere", country="FI", population=250_000)
    return practice_form_data(programme)
