import pytest
from django.core.management import call_command

from citypeers.places.models import Place


@pytest.mark.django_db
def test_loadplaces_loads_the_programme_countries_and_says_how_many(settings, capsys):
    settings.COUNTRIES_ONLY = ["MT", "LU"]
    call_command("loadplaces")
    count = Place.objects.count()
    assert count > 0
    assert set(Place.objects.values_list("country", flat=True)) <= {"MT", "LU"}
    assert f"{count} cities loaded or refreshed." in capsys.readouterr().out
