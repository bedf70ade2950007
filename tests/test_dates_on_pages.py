"""Every page of the role matrix, as a person allowed to see it, in English and French (the
public pages in every offered language): no US-style date ("Jan. 1, 2021", "03/22/2021",
"8:51 p.m.") and no capitalised French month."""

import datetime

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.test_permissions import MATRIX, World
from tests.us_dates import us_dates

# Whom to see each page as: the first of these the page allows.
VIEWERS = ["coordinator", "staff", "reviewer", "participant", "host", "no_role", "anonymous"]
PAGES = [
    (name, case)
    for name, cases in MATRIX.items()
    for case in cases
    if case.method == "get" and case.ok == 200
]


@pytest.fixture
def world(programme, visit, private_files):
    return World(programme, visit)


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize(
    ("name", "case"),
    [
        pytest.param(name, case, id=f"{name}{'[' + case.label + ']' if case.label else ''}")
        for name, case in PAGES
    ],
)
def test_pages_write_dates_the_european_way(client, world, name, case, language):
    role = next((role for role in VIEWERS if role in case.allowed), None)
    if role is None:
        pytest.skip("no viewer role opens this page")
    if person := world.person(role):
        client.force_login(person)
    url = case.url(name, world).replace("/en/", f"/{language}/", 1)
    response = client.get(url)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        pytest.skip(f"{url} answered {response.status_code} {response.get('Content-Type')}")
    assert us_dates(response.content.decode(), language=language) == [], url


PUBLIC_PAGES = {
    "programmes:list": lambda world: [],
    "programmes:detail": lambda world: [world.programme.slug],
    "visits:visit": lambda world: [world.programme.slug, world.visit.slug],
    "calls:list": lambda world: [],
    "calls:detail": lambda world: [world.call.slug],
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_write_dates_the_european_way(client, world, name, language):
    """The pages the issue found "Jan. 1, 2021 to Dec. 31, 2021" and "03/22/2021" on, in every
    offered language."""
    world.visit.starts_on, world.visit.ends_on = (
        datetime.date(2021, 3, 22),
        datetime.date(2021, 4, 20),
    )
    world.visit.save()
    world.call  # noqa: B018 (made, so the lists show it)
    with translation.override(language):
        url = reverse(name, args=PUBLIC_PAGES[name](world))
    client.force_login(world.person("coordinator"))
    html = client.get(url).content.decode()
    # the programme's (2026) or the visit's (2021) dates, or a call's closing time, are shown
    assert "2021" in html or "2026" in html or name.startswith("calls:")
    assert us_dates(html, language=language) == [], url
