"""Which practices each list shows, and in what order."""

import datetime

import pytest
from django.utils import timezone

from citypeers.catalogue.models import Practice
from citypeers.catalogue.selectors import (
    practice_for_page,
    practices_of,
    practices_published,
    practices_similar,
    practices_to_review,
    practices_willing_to_host,
)
from citypeers.programmes.models import Role
from tests.factories import (
    MembershipFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def test_the_public_sees_only_published_practices_and_hosts_only_willing_ones():
    willing = PublishedPracticeFactory(willing_to_host=True)
    unwilling = PublishedPracticeFactory(willing_to_host=False)
    for status in ["draft", "submitted", "changes", "declined"]:
        PracticeFactory(status=status, willing_to_host=True)
    assert set(practices_published()) == {willing, unwilling}
    assert list(practices_willing_to_host()) == [willing]


def test_a_practice_page_that_does_not_exist_is_said_so():
    with pytest.raises(Practice.DoesNotExist):
        practice_for_page(slug="nowhere")


def test_similar_practices_share_the_most_themes_then_are_the_newest():
    heritage, youth, walks = ThemeFactory(), ThemeFactory(), ThemeFactory()
    practice = PublishedPracticeFactory(themes=[heritage, youth, walks])
    one_old = PublishedPracticeFactory(
        title="One old", themes=[heritage], published_at=_days_ago(9)
    )
    one_new = PublishedPracticeFactory(title="One new", themes=[youth], published_at=_days_ago(1))
    two = PublishedPracticeFactory(
        title="Two", themes=[heritage, walks], published_at=_days_ago(30)
    )
    PracticeFactory(themes=[heritage, youth, walks])
    PublishedPracticeFactory(themes=[ThemeFactory()])
    assert practices_similar(practice=practice) == [two, one_new, one_old]


def test_at_most_four_similar_practices_are_shown():
    theme = ThemeFactory()
    practice = PublishedPracticeFactory(themes=[theme])
    PublishedPracticeFactory.create_batch(6, themes=[theme])
    assert len(practices_similar(practice=practice)) == 4
    assert practices_similar(practice=practice, limit=2) == practices_similar(practice=practice)[:2]


def test_a_practice_without_themes_has_no_similar_ones():
    PublishedPracticeFactory(themes=[ThemeFactory()])
    assert practices_similar(practice=PublishedPracticeFactory()) == []


def test_my_practices_are_mine_whatever_their_status_last_changed_first():
    author = UserFactory()
    older = PracticeFactory(submitted_by=author, status="declined")
    newer = PublishedPracticeFactory(submitted_by=author)
    PracticeFactory()
    Practice.objects.filter(pk=older.pk).update(updated_at=_days_ago(3))
    assert list(practices_of(user=author)) == [newer, older]


def test_coordinators_review_the_submitted_practices_of_their_programmes_oldest_first(
    programme, coordinator
):
    waiting_long = PracticeFactory(programme=programme, status="submitted")
    waiting_short = PracticeFactory(programme=programme, status="submitted")
    Practice.objects.filter(pk=waiting_long.pk).update(updated_at=_days_ago(5))
    PracticeFactory(programme=programme, status="draft")
    PracticeFactory(programme=programme, status="changes")
    elsewhere = PracticeFactory(status="submitted")
    assert list(practices_to_review(user=coordinator)) == [waiting_long, waiting_short]
    reviewer = MembershipFactory(programme=programme, role=Role.REVIEWER).user
    assert list(practices_to_review(user=reviewer)) == []
    staff = UserFactory(is_staff=True)
    assert set(practices_to_review(user=staff)) == {waiting_long, waiting_short, elsewhere}
