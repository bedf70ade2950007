"""Who may see, edit and review a practice at each stage of its life."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import PracticeFactory

pytestmark = pytest.mark.django_db

STATUSES = ["draft", "submitted", "changes", "published", "declined"]
# Who may do what at each stage; everyone else may not.
VIEW = {
    "author": set(STATUSES),
    "coordinator": set(STATUSES),
    "staff": set(STATUSES),
    "coordinator_elsewhere": {"published"},
    "participant": {"published"},
    "no_role": {"published"},
    "anonymous": {"published"},
}
CHANGE = {"author": {"draft", "changes"}, "staff": set(STATUSES)}
REVIEW = {"coordinator": set(STATUSES), "staff": set(STATUSES)}


def _person(people_by_role, practice, who):
    if who == "author":
        return practice.submitted_by
    if who == "anonymous":
        return AnonymousUser()
    return people_by_role[who]


@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("who", list(VIEW))
def test_who_may_see_edit_and_review_a_practice(people_by_role, programme, who, status):
    practice = PracticeFactory(programme=programme, status=status, published_at="2026-01-01T00:00Z")
    person = _person(people_by_role, practice, who)
    allowed = {
        "catalogue.view_practice": status in VIEW[who],
        "catalogue.change_practice": status in CHANGE.get(who, set()),
        "catalogue.review_practice": status in REVIEW.get(who, set()),
    }
    assert {perm: person.has_perm(perm, practice) for perm in allowed} == allowed


def test_anyone_signed_in_may_share_a_practice(people_by_role):
    assert people_by_role["no_role"].has_perm("catalogue.add_practice")
    assert not AnonymousUser().has_perm("catalogue.add_practice")
