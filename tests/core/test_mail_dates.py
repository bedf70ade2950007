"""Every mail template, rendered with dates in every field, in each language: no US-style date."""

import datetime
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from citypeers.core.dates import format_date
from tests.us_dates import us_dates

SRC = Path(__file__).resolve().parents[2] / "src" / "citypeers"
MAIL_TEMPLATES = sorted(
    str(path.relative_to(SRC)) for path in SRC.glob("*/templates/*/email/*.txt")
)
DAY = datetime.date(2026, 12, 12)
MOMENT = datetime.datetime(2026, 3, 22, 13, 15, tzinfo=datetime.UTC)


class Anything:
    """Stands for any object a mail template reads: fields named like dates are dates."""

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        if name.endswith(("_on", "_by", "date", "_until", "_from")):
            return DAY
        if name.endswith("_at"):
            return MOMENT
        return Anything()

    def __str__(self) -> str:
        return "Something"

    def __iter__(self):
        return iter([Anything()])


def test_every_mail_template_is_found():
    assert len(MAIL_TEMPLATES) >= 10
    assert "calls/templates/calls/email/outcome_body.txt" in MAIL_TEMPLATES


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("template", MAIL_TEMPLATES)
def test_mail_templates_write_dates_the_european_way(template, language):
    name = template.split("/templates/", 1)[1]
    with translation.override(language):
        context = {
            key: Anything()
            for key in (
                "visit",
                "task",
                "application",
                "call",
                "membership",
                "practice",
                "affiliation",
                "person",
                "programme",
                "user",
                "organisation",
            )
        }
        context |= {"url": "http://127.0.0.1:8100/", "respond_by": format_date(DAY), "count": 2}
        context |= {"days_left": 7, "sessions": [Anything()], "zone": "UTC"}  # visit_reminder
        context |= {"days": 7}  # newsletter confirmation
        shown = render_to_string(name, context)
    assert us_dates(shown, language=language) == [], shown


@pytest.mark.parametrize("language", ["en", "fr"])
def test_a_mail_date_is_written_as_europe_reads_it(language):
    with translation.override(language):
        shown = render_to_string(
            "visits/email/task_reminder_body.txt", {"task": Anything(), "url": ""}
        )
    assert {"en": "Saturday 12 December 2026", "fr": "samedi 12 décembre 2026"}[language] in shown
