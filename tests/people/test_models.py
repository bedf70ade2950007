import pytest
from django.utils import translation

from citypeers.people.models import User, spoken_language_choices
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_account_is_keyed_on_the_email_address_in_lower_case():
    user = User.objects.create_user("Aino@Example.ORG", "peer-learning-2026")
    assert user.email == "aino@example.org"
    assert user.check_password("peer-learning-2026")
    assert not user.is_staff and not user.is_superuser


def test_an_account_without_an_email_address_is_refused():
    with pytest.raises(ValueError, match="e-mail address is required"):
        User.objects.create_user("", "x")


def test_a_superuser_is_staff_whatever_is_asked():
    admin = User.objects.create_superuser("root@example.org", "x", is_staff=False)
    assert admin.is_staff and admin.is_superuser


def test_a_person_is_shown_by_name_or_else_by_email():
    assert str(UserFactory(display_name="Aino Virtanen")) == "Aino Virtanen"
    nameless = UserFactory(display_name="", email="anon@example.org")
    assert (str(nameless), nameless.get_full_name(), nameless.get_short_name()) == (
        "anon@example.org",
        "anon@example.org",
        "anon@example.org",
    )


def test_a_new_person_sees_times_in_brussels_until_they_choose():
    assert str(UserFactory().time_zone) == "Europe/Brussels"


def test_spoken_languages_are_named_and_sorted_in_the_readers_language():
    english = dict(spoken_language_choices())
    assert english["mt"] == "Maltese"
    assert english["uk"] == "Ukrainian"
    with translation.override("fr"):
        french = spoken_language_choices()
    names = [name for _code, name in french]
    assert names == sorted(names)
    assert dict(french)["de"] == "Allemand"
    assert len(french) == len(english) == 40
