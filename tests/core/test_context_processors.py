import pytest


@pytest.mark.django_db
def test_every_page_links_to_itself_in_each_language_keeping_the_filters(client):
    html = client.get("/en/places/", {"country": "FR", "size": "small"}).text
    assert 'hreflang="en" href="/en/places/?country=FR&amp;size=small"' in html
    assert 'hreflang="fr" href="/fr/places/?country=FR&amp;size=small"' in html


@pytest.mark.django_db
def test_the_language_links_of_a_french_page_lead_back_to_english(client, programme):
    html = client.get(f"/fr/programmes/{programme.slug}/").text
    assert f'hreflang="en" href="/en/programmes/{programme.slug}/"' in html
