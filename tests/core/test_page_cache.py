"""Public pages kept for anonymous readers (core.page_cache): the next reader gets the page
without it being made again, and a write shows at once."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.template import RequestContext, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from citypeers.catalogue import services as practices
from citypeers.core.page_cache import public_page
from citypeers.news.services import news_item_create, news_item_publish
from tests.factories import PracticeFactory, UserFactory

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([A-Za-z0-9]+)"')


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` the writes inside commit, as in production: the change marks renew."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def published_practice(programme, title: str):
    return PracticeFactory(
        programme=programme, title=title, status="published", published_at=timezone.now()
    )


def queries_for(client: Client, url: str, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers)
    return len(queries), response


@pytest.mark.parametrize("page", ["core:home", "library:search"])
def test_the_next_anonymous_reader_gets_the_page_without_it_being_made_again(page, programme):
    published_practice(programme, "Adopt a Monument")
    url = reverse(page)
    made, first = queries_for(Client(), url)
    served, second = queries_for(Client(), url)
    assert first.status_code == second.status_code == 200
    assert served < made
    assert served <= 1  # the change marks, from the shared cache
    without_token = TOKEN.sub("", second.content.decode())
    assert without_token == TOKEN.sub("", first.content.decode())


def test_a_practice_published_shows_at_once_in_the_library_and_on_its_page(
    programme, coordinator, commit
):
    library = reverse("library:search")
    assert "Harbour Baths" not in Client().get(library).content.decode()  # kept now
    with commit():
        practice = PracticeFactory(programme=programme, title="Harbour Baths", status="submitted")
    page = practice.get_absolute_url()
    assert Client().get(page).status_code == 404  # not public yet; a 404 is never kept
    with commit():
        practices.practice_publish(practice=practice, by=coordinator, notify=False)
    assert "Harbour Baths" in Client().get(library).content.decode()
    assert Client().get(page).status_code == 200


def test_a_practice_withdrawn_is_gone_at_once_from_its_kept_page(programme, commit):
    practice = published_practice(programme, "Harbour Baths")
    page = practice.get_absolute_url()
    assert Client().get(page).status_code == 200
    with commit():
        practice.status, practice.published_at = "draft", None
        practice.save()
    assert Client().get(page).status_code == 404


def test_news_published_shows_at_once_on_the_home_page(coordinator, commit):
    home = reverse("core:home")
    assert "Tampere recap" not in Client().get(home).content.decode()
    with commit():
        item = news_item_create(
            by=coordinator, programme=None, title="Tampere recap", summary="Lakes.", body="Met."
        )
        news_item_publish(item=item, by=coordinator)
    assert "Tampere recap" in Client().get(home).content.decode()


def test_each_language_has_its_own_copy(programme):
    assert 'lang="fr"' in Client().get("/fr/library/").content.decode()
    assert 'lang="en"' in Client().get("/en/library/").content.decode()
    assert 'lang="fr"' in Client().get("/fr/library/").content.decode()


def test_a_search_has_its_own_copy(programme):
    published_practice(programme, "Adopt a Monument")
    published_practice(programme, "Harbour Baths")
    library = reverse("library:search")
    assert "Harbour Baths" in Client().get(library).content.decode()
    found = Client().get(library, {"q": "monument"}).content.decode()
    assert "Adopt a Monument" in found and "Harbour Baths" not in found


def test_an_htmx_request_is_never_served_the_whole_page_kept(rf):
    @public_page
    def page(request):
        part = request.headers.get("HX-Request") == "true"
        return HttpResponse("<p>the results</p>" if part else "<html>the whole page</html>")

    assert page(rf.get("/en/library/")).content == b"<html>the whole page</html>"
    part = page(rf.get("/en/library/", headers={"HX-Request": "true"}))
    assert part.content == b"<p>the results</p>"
    assert "HX-Request" in part["Vary"]
    assert page(rf.get("/en/library/")).content == b"<html>the whole page</html>"


def test_a_signed_in_reader_gets_their_own_page_and_it_is_kept_for_no_one(programme):
    url = reverse("library:search")
    Client().get(url)  # the anonymous copy is kept
    member = Client()
    member.force_login(UserFactory(display_name="Aino Virtanen"))
    assert "Aino Virtanen" in member.get(url).content.decode()
    assert "Aino Virtanen" not in Client().get(url).content.decode()


def test_a_reader_with_a_message_waiting_sees_it_and_no_one_else_does(programme):
    Client().get("/en/library/")  # kept
    reader = Client()
    redirected = reader.get("/is/library/", follow=True)  # Icelandic is not offered: a note
    assert redirected.status_code == 200
    assert "is not available in" in redirected.content.decode()
    assert "is not available in" not in Client().get("/en/library/").content.decode()


def test_a_form_on_a_kept_page_posts_with_the_next_readers_own_token(rf):
    @public_page
    def page(request):
        form = Template('<form method="post">{% csrf_token %}</form>')
        return HttpResponse(form.render(RequestContext(request)))

    page(rf.get("/en/newsletter/"))  # kept, the first reader's token taken out
    reader = rf.get("/en/newsletter/")
    served = page(reader)
    token = TOKEN.search(served.content.decode()).group(1)
    assert "private" in served["Cache-Control"]  # no shared proxy keeps one reader's token
    post = rf.post("/en/newsletter/", {"csrfmiddlewaretoken": token})
    post.COOKIES[settings.CSRF_COOKIE_NAME] = reader.META["CSRF_COOKIE"]
    checks = CsrfViewMiddleware(lambda request: HttpResponse())
    assert checks.process_view(post, page, (), {}) is None  # accepted
    stranger = rf.post("/en/newsletter/", {"csrfmiddlewaretoken": token})
    stranger.COOKIES[settings.CSRF_COOKIE_NAME] = "x" * 32
    assert checks.process_view(stranger, page, (), {}).status_code == 403


def test_a_reader_who_has_the_page_is_told_it_has_not_changed(programme, commit):
    url = reverse("library:search")
    first = Client().get(url)
    assert first["ETag"].startswith('W/"')
    assert "no-cache" in first["Cache-Control"]
    again = Client().get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    with commit():
        published_practice(programme, "Harbour Baths")
    changed = Client().get(url, headers={"If-None-Match": first["ETag"]})
    assert changed.status_code == 200
    assert "Harbour Baths" in changed.content.decode()


@pytest.mark.parametrize("page", ["core:home", "library:search"])
def test_a_public_page_holds_nothing_of_its_reader_so_a_proxy_may_keep_it(page, programme):
    response = Client().get(reverse(page))
    assert not TOKEN.search(response.content.decode())
    assert not response.cookies
    assert "public" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]  # a signed-in reader's page is their own


def test_pages_are_made_every_time_when_keeping_is_off(programme, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = reverse("library:search")
    made, _first = queries_for(Client(), url)
    again, _second = queries_for(Client(), url)
    assert again == made
