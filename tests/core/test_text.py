import pytest

from citypeers.core.text import unique_slug
from citypeers.programmes.models import Theme
from tests.factories import ThemeFactory

pytestmark = pytest.mark.django_db


def slug_for(text, **options):
    return unique_slug(
        text,
        taken=Theme.objects.all(),
        max_length=options.pop("max_length", 50),
        fallback="theme",
        **options,
    )


def test_a_slug_is_the_text_made_address_friendly():
    assert slug_for("Héritage & Climate, 2026!") == "heritage-climate-2026"


def test_a_slug_taken_already_is_numbered():
    ThemeFactory(slug="participation")
    ThemeFactory(slug="participation-2")
    assert slug_for("Participation") == "participation-3"


def test_a_reserved_address_is_never_used_as_a_slug():
    assert slug_for("New", reserved={"new"}) == "new-2"


@pytest.mark.parametrize("text", ["", "!!!", "   "])
def test_text_with_nothing_to_keep_gets_the_fallback(text):
    assert slug_for(text) == "theme"


def test_a_long_text_is_cut_to_the_length_allowed():
    assert slug_for("a" * 80, max_length=10) == "a" * 10
