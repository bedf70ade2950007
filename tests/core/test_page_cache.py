"""Public pages kept for anonymous readers (core.page_cache): the next reader gets the page
without it being made again, and a write shows at once."""

import re

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import connection
from django.http import HttpResponse
from django.template import RequestContext, Template
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from citypeers.catalogue import services as practices
from citypeers.core import page_cache
from citypeers.core.page_cache import PublicPageMiddleware, public_page
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


def served_by_the_stack(view):
    """`view` made public and behind the middleware, as a URL of ours would be; counts how
    often the page is made."""
    made = []

    @public_page
    def counted(request):
        made.append(request.path)
        return view(request)

    return PublicPageMiddleware(counted), made


def test_an_htmx_request_is_never_served_the_whole_page_kept(rf):
    def page(request):
        part = request.headers.get("HX-Request") == "true"
        return HttpResponse("<p>the results</p>" if part else "<html>the whole page</html>")

    serve, made = served_by_the_stack(page)
    assert serve(rf.get("/en/library/")).content == b"<html>the whole page</html>"
    part = serve(rf.get("/en/library/", headers={"HX-Request": "true"}))
    assert part.content == b"<p>the results</p>"
    assert "HX-Request" in part["Vary"]
    assert serve(rf.get("/en/library/")).content == b"<html>the whole page</html>"
    assert len(made) == 2  # the whole page once, the part once


def test_a_page_with_a_form_that_posts_is_never_kept(rf):
    def page(request):
        form = Template('<form method="post">{% csrf_token %}</form>')
        return HttpResponse(form.render(RequestContext(request)))

    serve, made = served_by_the_stack(page)
    first, second = serve(rf.get("/en/newsletter/")), serve(rf.get("/en/newsletter/"))
    assert len(made) == 2
    assert TOKEN.search(first.content.decode()).group(1) != TOKEN.search(
        second.content.decode()
    ).group(1)


def test_a_page_showing_a_message_it_left_is_never_kept(rf):
    def page(request):
        messages.info(request, "Welcome back, Aino.")
        return HttpResponse("".join(str(m) for m in messages.get_messages(request)))

    serve, made = served_by_the_stack(page)
    for _reader in range(2):
        request = rf.get("/en/library/")
        request._messages = CookieStorage(request)
        assert serve(request).content == b"Welcome back, Aino."
    assert len(made) == 2


def test_an_address_without_a_language_is_never_kept(rf):
    serve, made = served_by_the_stack(lambda request: HttpResponse("<html>a page</html>"))
    serve(rf.get("/library/"))
    serve(rf.get("/library/"))
    assert len(made) == 2


def test_a_signed_in_reader_gets_their_own_page_and_it_is_kept_for_no_one(programme):
    url = reverse("library:search")
    Client().get(url)  # the anonymous copy is kept
    member = Client()
    member.force_login(UserFactory(display_name="Aino Virtanen"))
    assert "Aino Virtanen" in member.get(url).content.decode()
    assert "Aino Virtanen" not in Client().get(url).content.decode()


@pytest.mark.parametrize("page", ["core:home", "library:search"])
def test_a_signed_in_reader_gets_the_kept_page_with_their_own_header(page, programme, monkeypatch):
    published_practice(programme, "Adopt a Monument")
    url = reverse(page)
    anonymous = Client().get(url).content.decode()  # kept
    member = Client()
    member.force_login(UserFactory(display_name="Aino Virtanen"))
    made = member.get(url).content.decode()  # the copy is there: this one is not made
    monkeypatch.setattr(page_cache, "render_to_string", spy := _RenderSpy())
    queries, served = queries_for(member, url)

    assert served.status_code == 200 and spy.templates == ["_site_header.html"]
    assert queries <= 3  # the session, the person and the change marks
    page_text = served.content.decode()
    assert "Aino Virtanen" in page_text and "My page" in page_text
    assert "Aino Virtanen" not in anonymous
    body = re.compile(r"<main.*</main>", re.DOTALL)
    assert body.search(page_text).group() == body.search(anonymous).group()
    assert TOKEN.sub("", page_text) == TOKEN.sub("", made)
    assert {"private", "no-store"} <= set(served["Cache-Control"].replace(" ", "").split(","))
    # The header's sign-out form carries a token that works.
    token = TOKEN.search(page_text).group(1)
    signed_out = member.post(reverse("account_logout"), {"csrfmiddlewaretoken": token})
    assert signed_out.status_code == 302
    assert "Aino Virtanen" not in member.get(url).content.decode()


class _RenderSpy:
    """Which templates the page cache renders (the view's own are never rendered here)."""

    def __init__(self):
        self.templates = []
        self._render = page_cache.render_to_string

    def __call__(self, template_name, *args, **kwargs):
        self.templates.append(template_name)
        return self._render(template_name, *args, **kwargs)


def test_a_signed_in_reader_sees_a_write_at_once(programme, commit):
    url = reverse("library:search")
    Client().get(url)  # kept
    member = Client()
    member.force_login(UserFactory())
    with commit():
        published_practice(programme, "Harbour Baths")
    assert "Harbour Baths" in member.get(url).content.decode()


def test_a_signed_in_reader_with_a_message_waiting_gets_a_page_made_with_it(programme):
    Client().get("/en/library/")  # kept
    member = Client()
    member.force_login(UserFactory(display_name="Aino Virtanen"))
    shown = member.get("/is/library/", follow=True).content.decode()  # Icelandic: a note
    assert "is not available in" in shown and "Aino Virtanen" in shown
    assert "is not available in" not in member.get("/en/library/").content.decode()


def test_a_practice_page_is_made_for_each_signed_in_reader_their_own_links_included(
    programme, coordinator
):
    practice = published_practice(programme, "Harbour Baths")
    history = reverse("catalogue:history", args=[practice.slug])
    assert history not in Client().get(practice.get_absolute_url()).content.decode()  # kept
    reviewer = Client()
    reviewer.force_login(coordinator)
    assert history in reviewer.get(practice.get_absolute_url()).content.decode()


def test_a_reader_with_a_message_waiting_sees_it_and_no_one_else_does(programme):
    Client().get("/en/library/")  # kept
    reader = Client()
    redirected = reader.get("/is/library/", follow=True)  # Icelandic is not offered: a note
    assert redirected.status_code == 200
    assert "is not available in" in redirected.content.decode()
    assert "is not available in" not in Client().get("/en/library/").content.decode()


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


def test_a_kept_page_says_what_a_page_made_for_the_reader_says(programme):
    url = reverse("library:search")
    made = Client().get(url)
    queries, kept = queries_for(Client(), url)
    assert queries <= 1  # served from the copy
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Content-Language",
        "Content-Type",
        "Cache-Control",
        "Vary",
        "ETag",
    ):
        assert kept[header] == made[header], header


def test_a_deploy_with_new_static_files_starts_new_copies(rf, monkeypatch):
    serve, made = served_by_the_stack(lambda request: HttpResponse("<html>a page</html>"))
    monkeypatch.setattr(page_cache, "_release", lambda: "manifest-1")
    serve(rf.get("/en/library/"))
    serve(rf.get("/en/library/"))
    assert len(made) == 1
    monkeypatch.setattr(page_cache, "_release", lambda: "manifest-2")
    serve(rf.get("/en/library/"))
    assert len(made) == 2


def test_a_query_the_page_does_not_read_is_made_and_never_kept(programme):
    url = reverse("library:search") + "?utm=mail"
    made, _first = queries_for(Client(), url)
    again, second = queries_for(Client(), url)
    assert again == made
    assert "public" not in second.get("Cache-Control", "")


def test_a_made_up_long_search_is_made_and_never_kept(programme):
    url = reverse("library:search") + "?q=" + "heritage+" * 40
    made, _first = queries_for(Client(), url)
    again, _second = queries_for(Client(), url)
    assert again == made


def test_a_page_that_set_a_cookie_is_its_readers_alone(rf):
    def page(request):
        response = HttpResponse("<html>welcome</html>")
        response.set_cookie("seen", "1")
        return response

    serve, made = served_by_the_stack(page)
    first = serve(rf.get("/en/library/"))
    serve(rf.get("/en/library/"))
    assert len(made) == 2
    assert "private" in first["Cache-Control"] and "public" not in first["Cache-Control"]


def test_pages_are_made_when_the_page_cache_is_out_of_reach(programme, monkeypatch):
    def out_of_reach(*args, **kwargs):
        raise ConnectionError("Connection refused")

    monkeypatch.setattr(caches["pages"], "get", out_of_reach)
    monkeypatch.setattr(caches["pages"], "set", out_of_reach)
    assert Client().get(reverse("library:search")).status_code == 200
    assert Client().get(reverse("library:search")).status_code == 200
    assert Client().get("/healthz").status_code == 200


def test_pages_are_made_when_the_change_marks_are_out_of_reach(programme, monkeypatch):
    def out_of_reach():
        raise ConnectionError("Connection refused")

    monkeypatch.setattr(page_cache, "_marks", out_of_reach)
    made, first = queries_for(Client(), reverse("core:home"))
    again, second = queries_for(Client(), reverse("core:home"))
    assert first.status_code == second.status_code == 200
    assert again == made  # nothing kept


def test_an_address_without_a_language_never_costs_a_look_up(monkeypatch, db):
    def looked_up(*args, **kwargs):
        raise AssertionError("the page cache was asked")

    monkeypatch.setattr(caches["pages"], "get", looked_up)
    assert Client().get("/healthz").status_code == 200


def test_a_kept_page_says_its_length(programme):
    url = reverse("library:search")
    Client().get(url)
    kept = Client().get(url)
    assert int(kept["Content-Length"]) == len(kept.content)
