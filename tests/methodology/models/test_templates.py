"""When a step happens and what to check, in the words the timeline shows."""

import pytest

from citypeers.methodology.models import StepTemplate


@pytest.mark.parametrize(
    ("anchor", "offset_days", "text"),
    [
        ("start", 0, "on the first day"),
        ("end", 0, "on the last day"),
        ("start", -1, "1 day before the start"),
        ("start", -42, "42 days before the start"),
        ("end", -3, "3 days before the end"),
        ("start", 2, "2 days after the start"),
        ("end", 1, "1 day after the end"),
        ("end", 182, "182 days after the end"),
    ],
)
def test_when_a_step_happens_reads_as_a_sentence(anchor, offset_days, text):
    assert StepTemplate(anchor=anchor, offset_days=offset_days).when_text == text


def test_a_checklist_is_one_item_a_line_without_blank_lines():
    step = StepTemplate(checklist="  Book the room \n\n- Send the agenda\n   \n")
    assert step.checklist_items == ["Book the room", "- Send the agenda"]
