"""A reviewer's scores: one per criterion on its own scale."""

import pytest

from citypeers.calls.forms.review import ScoreForm

pytestmark = pytest.mark.django_db


def test_each_criterion_is_scored_on_its_scale_with_an_optional_comment(rubric_call):
    motivation, expertise = rubric_call.criteria.all()
    criteria = [motivation, expertise]
    off_scale = ScoreForm(
        {f"score_{motivation.pk}": 6, f"score_{expertise.pk}": 10}, criteria=criteria
    )
    assert list(off_scale.errors) == [f"score_{motivation.pk}"]
    bound = ScoreForm(
        {
            f"score_{motivation.pk}": 0,
            f"score_{expertise.pk}": 10,
            f"comment_{expertise.pk}": "Deep.",
        },
        criteria=criteria,
    )
    assert bound.is_valid(), bound.errors
    assert bound.scores() == {motivation: (0, ""), expertise: (10, "Deep.")}
