"""A coordinator's newsletter pages: subscribers, composing, preview, sending, the sent log."""

import pytest
from django.core import mail
from django.urls import reverse

from citypeers.newsletter.models import Issue
from citypeers.newsletter.services.issues import issue_send
from citypeers.newsletter.services.subscriptions import subscription_unsubscribe
from tests.factories import ThemeFactory, VisitFactory
from tests.newsletter.scene import issue_with, news_item, running_programme, subscriber

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


def test_the_page_counts_subscribers_by_language_and_theme(signed_in, programme):
    water = ThemeFactory(name="Water")
    subscriber(programme, "a@example.org", languages=["fr", "en"], themes=[water])
    subscriber(programme, "b@example.org")
    subscriber(programme, "c@example.org", confirmed=False)
    response = signed_in.get(reverse("newsletter:programme", args=[programme.slug]))
    assert response.status_code == 200
    assert "2 confirmed subscribers" in response.text
    counts = response.context["counts"]
    assert sorted(counts.by_language) == [("English", 1), ("French", 1)]
    assert counts.by_theme == [("Water", 1)] and counts.everything == 1


def test_the_export_holds_only_confirmed_active_addresses_and_keeps_formulas_inert(
    signed_in, programme
):
    subscriber(programme, "=cmd@example.org")
    subscriber(programme, "ok@example.org")
    subscriber(programme, "waiting@example.org", confirmed=False)
    subscription_unsubscribe(subscription=subscriber(programme, "gone@example.org"))
    response = signed_in.get(reverse("newsletter:programme", args=[programme.slug]) + "?export=csv")
    text = response.content.decode()
    assert "ok@example.org" in text and "'=cmd@example.org" in text
    assert "waiting@" not in text and "gone@" not in text


@pytest.mark.parametrize("issues", [1, 3])
def test_the_page_costs_the_same_queries_with_more_issues(
    signed_in, programme, issues, django_assert_max_num_queries
):
    for n in range(issues):
        issue_with(programme, [news_item(programme)], subject=f"Issue {n}")
    with django_assert_max_num_queries(14):
        response = signed_in.get(reverse("newsletter:programme", args=[programme.slug]))
    assert response.text.count("Issue ") >= issues


def test_composing_picks_items_in_the_order_given_and_previews_them(signed_in, programme):
    first = news_item(programme, titles={"en": "Comes first", "fr": "Vient en premier"})
    second = news_item(programme, titles={"en": "Comes second"})
    visit = VisitFactory(programme=programme, title="Port visit")
    visit.starts_on = visit.ends_on = first.publish_at.date()
    visit.save()
    old = news_item(programme, titles={"en": "Too old"}, days_ago=400)
    page = signed_in.get(reverse("newsletter:issue_new", args=[programme.slug]))
    assert "Comes first" in page.text and "Port visit" in page.text
    assert "Too old" not in page.text  # only recent news are offered
    response = signed_in.post(
        reverse("newsletter:issue_new", args=[programme.slug]),
        {
            "language": "en",
            "subject_en": "Our spring",
            "intro_en": "Hello <script>alert(1)</script>",
            "subject_fr": "Notre printemps",
            f"news_{second.pk}": "2",
            f"news_{first.pk}": "1",
            f"visit_{visit.pk}": "3",
            f"news_{old.pk}": "1",  # not offered: ignored
        },
    )
    issue = Issue.objects.get()
    assert response.status_code == 302
    assert [(i.kind, i.news_id or i.visit_id) for i in issue.items.all()] == [
        ("news", first.pk),
        ("news", second.pk),
        ("visit", visit.pk),
    ]
    preview = signed_in.get(response["Location"])
    html = preview.text
    assert html.index("Comes first") < html.index("Comes second") < html.index("Port visit")
    assert "<script>alert" not in html  # the introduction's markdown is sanitised
    french = signed_in.get(response["Location"] + "?language=fr")
    assert "Notre printemps" in french.text and "Vient en premier" in french.text


def test_the_subject_in_the_language_written_in_is_required_and_nothing_typed_is_lost(
    signed_in, programme
):
    response = signed_in.post(
        reverse("newsletter:issue_new", args=[programme.slug]),
        {"language": "fr", "subject_en": "Only English", "intro_en": "Kept"},
    )
    assert response.status_code == 200 and "There is a problem" in response.text
    assert "Only English" in response.text and "Kept" in response.text
    assert not Issue.objects.exists()


@pytest.mark.parametrize("position", ["abc", "0", "-3", "99999999999999999999", "1e3"])
def test_a_mistyped_position_is_refused_at_its_field(signed_in, programme, position):
    item = news_item(programme)
    response = signed_in.post(
        reverse("newsletter:issue_new", args=[programme.slug]),
        {"language": "en", "subject_en": "S", f"news_{item.pk}": position},
    )
    assert response.status_code == 200 and "There is a problem" in response.text
    assert not Issue.objects.exists()


def test_sending_asks_first_names_how_many_then_sends_and_logs(
    signed_in, programme, django_capture_on_commit_callbacks
):
    for n in range(3):
        subscriber(programme, f"r{n}@example.org")
    issue = issue_with(programme, [news_item(programme)])
    url = reverse("newsletter:issue_send", args=[programme.slug, issue.pk])
    confirm = signed_in.get(url)
    assert "goes to 3 confirmed subscribers" in confirm.text
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in.post(url)
    assert response.status_code == 302 and len(mail.outbox) == 3
    log = signed_in.get(response["Location"])
    assert log.context["counts"].sent == 3
    partial = signed_in.get(response["Location"], headers={"HX-Request": "true"})
    assert partial.text.lstrip().startswith("<section") and "<html" not in partial.text
    again = signed_in.post(url)
    assert again.status_code == 200 and "sent already" in again.text
    edit = signed_in.get(reverse("newsletter:issue_edit", args=[programme.slug, issue.pk]))
    assert edit.status_code == 302  # a sent issue is not edited


def test_the_log_polls_while_sending_and_stops_when_done(signed_in, programme):
    subscriber(programme, "r@example.org")
    issue = issue_with(programme, [news_item(programme)])

    issue_send(issue=issue, by=None)  # tasks wait for the commit, which never comes here
    url = reverse("newsletter:issue_log", args=[programme.slug, issue.pk])
    sending = signed_in.get(url)
    assert "data-hx-get" in sending.text and "Sending: 0 % done" in sending.text


def test_another_programmes_issue_is_not_found(signed_in, programme):

    elsewhere = issue_with(running_programme(), [])
    url = reverse("newsletter:issue_preview", args=[programme.slug, elsewhere.pk])
    assert signed_in.get(url).status_code == 404
