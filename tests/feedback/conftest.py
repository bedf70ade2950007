import datetime

import pytest
from django.utils import timezone

from citypeers.programmes.models import Role, Visit
from tests.factories import MembershipFactory


def ended(visit, *, days_ago: int) -> Visit:
    """The visit's last day was `days_ago` days ago (it lasted three days)."""
    last_day = timezone.localdate() - datetime.timedelta(days=days_ago)
    Visit.objects.filter(pk=visit.pk).update(
        starts_on=last_day - datetime.timedelta(days=2), ends_on=last_day
    )
    visit.refresh_from_db()
    return visit


@pytest.fixture
def other_participant(programme, visit):
    return MembershipFactory(programme=programme, visit=visit, role=Role.PARTICIPANT).user
