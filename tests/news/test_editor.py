import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone

from citypeers.news.models import NewsItem
from tests.factories import ProgrammeFactory
from tests.news.conftest import png, translate, write

pytestmark = pytest.mark.django_db


def _form(programme, **more) -> dict:
    return {
        "original_language": "en",
        "title": "Call open",
        "summary": "Apply by June.",
        "body": "The call is **open**.",
        "programme": programme.pk,
    } | more


def test_a_coordinator_writes_a_draft_of_their_programme(client, programme, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("news:create"), _form(programme))
    item = NewsItem.objects.get()
    assert response["Location"] == reverse("news:edit", args=[item.slug])
    assert item.programme == programme and item.publish_at is None
    assert item.created_by == coordinator
    assert "Draft" in client.get(reverse("news:manage")).content.decode()


def test_a_coordinator_cannot_write_for_another_programme(client, coordinator):
    client.force_login(coordinator)
    response = client.post(reverse("news:create"), _form(ProgrammeFactory()))
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not NewsItem.objects.exists()


def test_an_image_without_description_comes_back_with_the_error_and_the_text(
    client, programme, coordinator
):
    client.force_login(coordinator)
    response = client.post(reverse("news:create"), _form(programme, image=png()))
    html = response.content.decode()
    assert "There is a problem" in html
    assert "Describe the image for people who cannot see it." in html
    assert 'value="Call open"' in html and "The call is **open**." in html
    assert not NewsItem.objects.exists()


def test_scheduling_is_typed_in_the_editors_zone(client, programme, coordinator):
    coordinator.time_zone = "Europe/Helsinki"
    coordinator.save()
    item = write(programme=programme, published=False)
    client.force_login(coordinator)
    html = client.get(reverse("news:edit", args=[item.slug])).content.decode()
    assert "Europe/Helsinki" in html
    year = timezone.now().year + 1
    client.post(reverse("news:schedule", args=[item.slug]), {"publish_at": f"{year}-05-10T09:00"})
    item.refresh_from_db()
    helsinki = zoneinfo.ZoneInfo("Europe/Helsinki")
    assert item.publish_at == datetime.datetime(year, 5, 10, 9, 0, tzinfo=helsinki)


def test_scheduling_in_the_past_shows_the_error_at_the_field(client, programme, coordinator):
    item = write(programme=programme, published=False)
    client.force_login(coordinator)
    response = client.post(
        reverse("news:schedule", args=[item.slug]), {"publish_at": "2021-05-10T09:00"}
    )
    html = response.content.decode()
    assert "Choose a time in the future, or publish it now." in html
    assert 'value="2021-05-10T09:00"' in html


def test_publish_unpublish_and_delete(client, programme, coordinator):
    item = write(programme=programme, published=False)
    client.force_login(coordinator)
    client.post(reverse("news:publish", args=[item.slug]))
    assert client.logout() is None
    assert client.get(reverse("news:detail", args=[item.slug])).status_code == 200
    client.force_login(coordinator)
    client.post(reverse("news:unpublish", args=[item.slug]))
    client.logout()
    assert client.get(reverse("news:detail", args=[item.slug])).status_code == 404
    client.force_login(coordinator)
    assert (
        "cannot be undone" in client.get(reverse("news:delete", args=[item.slug])).content.decode()
    )
    client.post(reverse("news:delete", args=[item.slug]))
    assert not NewsItem.objects.exists()


def test_a_translation_is_written_beside_the_original(client, programme, coordinator):
    item = write(programme=programme)
    client.force_login(coordinator)
    address = reverse("news:text", args=[item.slug, "fr"])
    html = client.get(address).content.decode()
    assert "Tampere recap" in html  # the original, beside the form
    client.post(address, {"title": "Bilan", "summary": "Trois jours.", "body": "Texte."})
    assert item.texts.get(language="fr").title == "Bilan"
    client.post(reverse("news:text_remove", args=[item.slug, "fr"]))
    assert not item.texts.filter(language="fr").exists()
    assert client.get(reverse("news:text", args=[item.slug, "xx"])).status_code == 404


def test_an_image_added_later_asks_for_the_description_in_each_language(
    client, programme, coordinator
):
    item = write(programme=programme)
    translate(item)
    client.force_login(coordinator)
    response = client.post(
        reverse("news:edit", args=[item.slug]), {"programme": programme.pk, "image": png()}
    )
    assert "Describe the image in every language first" in response.content.decode()
    item.refresh_from_db()
    assert not item.image


@pytest.mark.parametrize("count", [1, 3])
def test_the_editors_list_takes_few_queries(
    client, programme, coordinator, django_assert_max_num_queries, count
):
    for number in range(count):
        translate(write(programme=programme, title=f"Item {number}"))
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        html = client.get(reverse("news:manage")).content.decode()
    assert html.count("EN, FR") == count
