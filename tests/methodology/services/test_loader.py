"""The shipped methodology loads once, keeps coordinators' edits, and is complete in both
languages."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import translation

from citypeers.core.translated import set_text, text_in
from citypeers.methodology.models import ActivityFormat, TemplateVersion, VisitTemplate
from citypeers.methodology.services.loader import load_methodology

pytestmark = pytest.mark.django_db


def test_the_shipped_methodology_loads_once_and_keeps_edits(methodology):
    assert methodology["formats"] >= 14
    world_cafe = ActivityFormat.objects.get(slug="world-cafe")
    set_text(world_cafe, "name", "en", "Our café")
    world_cafe.save()
    assert load_methodology() == {"formats": 0, "templates": 0}
    assert text_in(ActivityFormat.objects.get(slug="world-cafe"), "name", "en") == "Our café"


def test_the_shipped_cards_and_templates_load_their_placement_rules_and_day_plans(methodology):
    wrap_up = ActivityFormat.objects.get(slug="wrap-up")
    assert {"rule": "closes_visit"} in wrap_up.placement
    onsite = TemplateVersion.objects.get(template__slug="onsite")
    assert onsite.first_day_start == datetime.time(13, 30)
    online = TemplateVersion.objects.get(template__slug="online")
    days = set(online.agenda.values_list("day", flat=True))
    assert days == {"first", "second", "third", "penultimate", "last"}
    tour = online.agenda.get(day="first", format__slug="virtual-tour")
    assert (tour.minutes, tour.leave_out) == (30, 1)


def test_every_format_has_complete_guidance_in_english_and_french(methodology):
    for activity in ActivityFormat.objects.prefetch_related("steps"):
        for language in ("en", "fr"):
            for field in (
                "name",
                "summary",
                "purpose",
                "when",
                "materials",
                "accessibility",
                "pitfalls",
            ):
                assert text_in(activity, field, language), (activity.slug, field, language)
            assert all(text_in(step, "text", language) for step in activity.steps.all())
        assert sum(step.minutes for step in activity.steps.all()) == activity.default_minutes
        for mode in activity.modes:
            assert activity.variant(mode)


FORMAT_TOML = """
slug = "{slug}"
stage = "exchange"
modes = ["online", "onsite"]
min_group = 4
max_group = 20
min_minutes = 20
max_minutes = 60
default_minutes = 30
roles = ["facilitator"]

[en]
name = "{name}"
summary = "  A summary.  "
purpose = "To talk."
when = "Day two."
steps = [{{ minutes = 10, text = "Pairs" }}, {{ minutes = 20, text = "Plenary" }}]
"""

FRENCH = """
[fr]
name = "Paires"
summary = "Un résumé."
purpose = "Parler."
when = "Deuxième jour."
steps = [{ minutes = 10, text = "Binômes" }, { minutes = 20, text = "Plénière" }]
"""

TEMPLATE_TOML = """
slug = "tiny"
mode = "online"
min_days = 2
max_days = 3
default_days = 2
daily_minutes_max = 90
default_participants = 12
session_start = "09:30"

[en]
name = "Tiny visit"
summary = "Two days."

[[steps]]
phase = 4
role = "coordinator"
anchor = "start"
offset_days = -42
[steps.en]
title = "Close the call"
deliverable = "Applications"
checklist = ["Every application complete", "Reviewers told"]

[[steps]]
phase = 2
role = "coordinator"
anchor = "start"
offset_days = -120
[steps.en]
title = "Choose the host"
deliverable = "A host"
checklist = []

[[steps]]
phase = 4
role = "host"
anchor = "start"
offset_days = -30
[steps.en]
title = "Brief the participants"
deliverable = "A briefing"
checklist = []

[[agenda]]
day = "first"
format = "pairs"
minutes = 30

[[agenda]]
day = "first"
format = "pairs"
minutes = 40

[[agenda]]
day = "last"
format = "pairs"
minutes = 30
"""


@pytest.fixture
def content(tmp_path):
    """A content folder of two small formats (the first in English and French) and a template."""
    (tmp_path / "formats").mkdir()
    (tmp_path / "templates").mkdir()
    pairs = FORMAT_TOML.format(slug="pairs", name="Pairs") + FRENCH
    (tmp_path / "formats" / "01-pairs.toml").write_text(pairs, "utf-8")
    trios = FORMAT_TOML.format(slug="trios", name="Trios")
    (tmp_path / "formats" / "02-trios.toml").write_text(trios, "utf-8")
    (tmp_path / "templates" / "tiny.toml").write_text(TEMPLATE_TOML, "utf-8")
    return tmp_path


def test_formats_load_in_file_order_with_their_texts_and_steps_in_each_language(content):
    assert load_methodology(content_dir=content) == {"formats": 2, "templates": 1}
    pairs, trios = ActivityFormat.objects.order_by("position")
    assert (pairs.slug, pairs.position, trios.slug, trios.position) == ("pairs", 0, "trios", 1)
    assert text_in(pairs, "summary", "en") == "A summary."  # trimmed
    assert (text_in(pairs, "name", "fr"), text_in(pairs, "purpose", "fr")) == ("Paires", "Parler.")
    steps = list(pairs.steps.all())
    assert [(s.minutes, text_in(s, "text", "en"), text_in(s, "text", "fr")) for s in steps] == [
        (10, "Pairs", "Binômes"),
        (20, "Plenary", "Plénière"),
    ]


def test_a_format_without_french_stays_untranslated_rather_than_copied(content):
    load_methodology(content_dir=content)
    trios = ActivityFormat.objects.get(slug="trios")
    assert text_in(trios, "name", "fr") in ("", None)
    assert all(text_in(step, "text", "fr") in ("", None) for step in trios.steps.all())
    with translation.override("fr"):
        assert trios.name == "Trios"  # readers get the English meanwhile


def test_a_template_loads_as_version_one_with_keyed_steps_and_agenda(content):
    load_methodology(content_dir=content)
    template = VisitTemplate.objects.get(slug="tiny")
    [version] = template.versions.all()
    assert (version.number, version.session_start) == (1, datetime.time(9, 30))
    assert (version.min_days, version.default_days, version.max_days) == (2, 2, 3)
    steps = [(s.key, s.phase, s.position, text_in(s, "title", "en")) for s in version.steps.all()]
    assert steps == [
        ("s2", 2, 0, "Choose the host"),
        ("s1", 4, 0, "Close the call"),
        ("s3", 4, 1, "Brief the participants"),
    ]
    close = version.steps.get(key="s1")
    assert close.checklist_items == ["Every application complete", "Reviewers told"]
    agenda = [(a.key, a.day, a.position, a.minutes) for a in version.agenda.order_by("key")]
    assert agenda == [("a1", "first", 0, 30), ("a2", "first", 1, 40), ("a3", "last", 0, 30)]


def test_loading_again_adds_only_what_is_missing_and_keeps_every_edit(content):
    load_methodology(content_dir=content)
    ActivityFormat.objects.filter(slug="pairs").update(name={"en": "Our pairs"}, max_group=8)
    ActivityFormat.objects.get(slug="trios").delete()
    VisitTemplate.objects.filter(slug="tiny").update(name={"en": "Our tiny visit"})
    assert load_methodology(content_dir=content) == {"formats": 1, "templates": 0}
    pairs = ActivityFormat.objects.get(slug="pairs")
    assert (text_in(pairs, "name", "en"), pairs.max_group) == ("Our pairs", 8)
    assert text_in(ActivityFormat.objects.get(slug="trios"), "name", "en") == "Trios"
    assert text_in(VisitTemplate.objects.get(), "name", "en") == "Our tiny visit"
    assert TemplateVersion.objects.count() == 1
    assert load_methodology(content_dir=content) == {"formats": 0, "templates": 0}


def test_the_command_says_how_much_it_added(methodology):
    ActivityFormat.objects.filter(slug="wrap-up").update(slug="our-wrap-up")
    output = io.StringIO()
    call_command("load_methodology", stdout=output)
    assert output.getvalue().strip() == "Methodology: 1 formats and 0 templates added."
    assert ActivityFormat.objects.filter(slug__in=["wrap-up", "our-wrap-up"]).count() == 2
