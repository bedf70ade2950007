"""Reading reviews: weighted totals, means, disagreements, progress."""

import pytest

from citypeers.calls.models import ReviewAssignment
from citypeers.calls.selectors.review import review_means, review_results
from citypeers.calls.services.review import reviewers_assign, scores_save
from tests.calls.helpers import reviewer
from tests.factories import UserFactory, sent_application

pytestmark = pytest.mark.django_db


@pytest.fixture
def call(rubric_call):
    """A call reviewed twice an application, on Motivation (0-5, weight 2) and Expertise (0-10)."""
    return rubric_call


def test_weighted_totals_and_strong_disagreement(call, programme, coordinator):
    first, second = reviewer(programme), reviewer(programme)
    application = sent_application(call, UserFactory())
    reviewers_assign(call=call, by=coordinator)
    motivation, expertise = call.criteria.all()
    for person, values in ((first, (5, 10)), (second, (1, 4))):
        assignment = ReviewAssignment.objects.get(application=application, reviewer=person)
        scores_save(
            assignment=assignment,
            by=person,
            scores={motivation: (values[0], ""), expertise: (values[1], "")},
        )
    [result] = review_results(call)
    totals = sorted(total for _reviewer, total in result.totals)
    # (2 * 1/5 + 1 * 4/10) / 3 * 100 = 26.7 ; (2 * 5/5 + 1 * 10/10) / 3 * 100 = 100
    assert totals == [26.7, 100.0]
    assert result.mean == 63.4 and result.disagreement
    assert review_means(call) == {application.pk: 63.4}  # what the selection uses
