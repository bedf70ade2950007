"""Reading templates: the current version is the highest, a version's steps come by phase (all
nine, even empty) and its agenda by kind of day."""

import pytest

from citypeers.methodology.models import StepTemplate, TemplateVersion
from citypeers.methodology.selectors.templates import (
    current_version,
    steps_coverage,
    templates_with_current_versions,
    version_content,
    version_of,
    versions_of,
    versions_with_content,
)
from tests.factories import TemplateVersionFactory, UserFactory, VisitTemplateFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_versions():
    first = TemplateVersionFactory()
    TemplateVersionFactory(template=first.template, number=3, default_days=5)
    TemplateVersionFactory(template=first.template, number=2, default_days=3)
    return first.template


def test_the_current_version_is_the_highest_number_not_the_last_saved(three_versions):
    assert current_version(three_versions).number == 3
    [template] = [t for t in templates_with_current_versions() if t.pk == three_versions.pk]
    assert template.current.number == 3 and template.current.default_days == 5


def test_a_template_without_versions_has_no_current_one():
    template = VisitTemplateFactory()
    assert current_version(template) is None
    assert templates_with_current_versions()[0].current is None


def test_versions_are_listed_newest_first_with_who_saved_them(three_versions):
    author = UserFactory(display_name="Ana Costa")
    TemplateVersion.objects.filter(template=three_versions, number=2).update(created_by=author)
    versions = list(versions_of(three_versions))
    assert [v.number for v in versions] == [3, 2, 1]
    assert versions[1].created_by.display_name == "Ana Costa"


def test_a_version_is_found_by_its_templates_address_and_number(three_versions):
    assert version_of(three_versions.slug, 2).default_days == 3
    with pytest.raises(TemplateVersion.DoesNotExist):
        version_of(three_versions.slug, 4)
    with pytest.raises(TemplateVersion.DoesNotExist):
        version_of("elsewhere", 2)


def test_a_versions_content_has_every_phase_in_order_and_every_kind_of_day():
    version = TemplateVersionFactory()
    for key, phase, position, title in (("s2", 4, 1, "Brief"), ("s3", 9, 0, "Report")):
        StepTemplate.objects.create(
            version=version,
            key=key,
            phase=phase,
            position=position,
            role="host",
            anchor="start",
            offset_days=-30,
            title={"en": title},
        )
    phases, days = version_content(version)
    assert [plan.phase.number for plan in phases] == list(range(1, 10))
    assert [[s.title for s in plan.steps] for plan in phases] == [
        [],
        [],
        [],
        ["Close the call", "Brief"],
        [],
        [],
        [],
        [],
        ["Report"],
    ]
    assert [(day.kind, str(day.label)) for day in days] == [
        ("first", "First day"),
        ("middle", "Each day in between"),
        ("last", "Last day"),
    ]
    assert [day.minutes for day in days] == [45, 45, 45]


def test_versions_with_content_are_the_ones_asked_for(three_versions):
    versions = versions_with_content(three_versions, {1, 3, 7})
    assert sorted(versions) == [1, 3]
    assert [s.title for s in versions[3].steps.all()] == ["Close the call"]


def test_the_steps_are_complete_in_a_language_when_every_text_written_is_in_it(settings):
    settings.LANGUAGES = [("en", "English"), ("fr", "French"), ("de", "German")]
    version = TemplateVersionFactory()  # one step: a title, a deliverable and a checklist
    version.steps.update(
        title={"en": "Close the call", "fr": "Clore l'appel", "de": "Aufruf schließen"},
        deliverable={"en": "Applications", "fr": "Candidatures"},
        checklist={},  # written in no language: asks for none
    )
    coverage = steps_coverage(version)
    assert coverage.complete == [("en", "English"), ("fr", "Français")]
    assert coverage.missing == [("de", "Deutsch")]
    assert coverage.total == 3
