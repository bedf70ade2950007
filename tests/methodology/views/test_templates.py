"""Coordinators edit templates as new versions; visits keep the version they were planned with."""

import pytest
from django.urls import reverse

from citypeers.core.languages import offered_codes
from citypeers.core.translated import text_in, translations_of
from citypeers.methodology.models import TemplateVersion
from citypeers.programmes.models import Role
from citypeers.visits.models import VisitPlan
from tests.factories import MembershipFactory, TemplateVersionFactory, VisitFactory

pytestmark = pytest.mark.django_db


def version_data(version, **changes):
    step = version.steps.get()
    data = {
        "min_days": 3,
        "max_days": 5,
        "default_days": 4,
        "daily_minutes_max": 120,
        "default_participants": 24,
        "session_start": "10:00",
        "note": "Earlier call",
        "steps-TOTAL_FORMS": 1,
        "steps-INITIAL_FORMS": 1,
        "steps-0-key": step.key,
        "steps-0-phase": 4,
        "steps-0-title": text_in(step, "title", "en"),
        "steps-0-role": "coordinator",
        "steps-0-offset_days": -42,
        "steps-0-anchor": "start",
        "steps-0-deliverable": text_in(step, "deliverable", "en"),
        "steps-0-checklist": text_in(step, "checklist", "en"),
        "agenda-TOTAL_FORMS": 3,
        "agenda-INITIAL_FORMS": 3,
    }
    for number, item in enumerate(version.agenda.order_by("pk")):
        data |= {
            f"agenda-{number}-key": item.key,
            f"agenda-{number}-day": item.day,
            f"agenda-{number}-format": item.format_id,
            f"agenda-{number}-minutes": item.minutes,
        }
    return data | changes


def test_a_template_edit_is_a_new_version_and_planned_visits_keep_theirs(client, coordinator):
    version = TemplateVersionFactory()
    visit = VisitFactory()
    VisitPlan.objects.create(
        visit=visit, template_version=version, time_zone="UTC", participants=20
    )
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug])
    response = client.post(url, version_data(version, **{"steps-0-offset_days": -56}))
    new = TemplateVersion.objects.get(template=version.template, number=2)
    assert response["Location"].endswith("?from=1&to=2")
    assert new.note == "Earlier call" and new.created_by == coordinator
    assert new.steps.get().offset_days == -56 and version.steps.get().offset_days == -42
    assert VisitPlan.objects.get(visit=visit).template_version == version
    changes = client.get(response["Location"]).text
    assert (
        "Close the call" in changes and "<del>-42</del>" in changes and "<ins>-56</ins>" in changes
    )


def test_an_edit_moves_a_session_to_the_day_before_the_last_and_marks_what_may_go(
    client, coordinator
):
    version = TemplateVersionFactory()
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug])
    changes = {
        "agenda-1-day": "penultimate",
        "agenda-1-leave_out": 1,
        "first_day_start": "13:30",
    }
    client.post(url, version_data(version, **changes))
    new = TemplateVersion.objects.get(template=version.template, number=2)
    moved = new.agenda.get(key=version.agenda.order_by("pk")[1].key)
    assert (moved.day, moved.leave_out) == ("penultimate", 1)
    assert new.first_day_start.strftime("%H:%M") == "13:30"
    page = client.get(reverse("methodology:template", args=[version.template.slug])).text
    assert "Day before the last" in page and "the first day from 13:30" in page


def test_saving_without_a_change_makes_no_version(client, coordinator):
    version = TemplateVersionFactory()
    client.force_login(coordinator)
    client.post(
        reverse("methodology:template_edit", args=[version.template.slug]), version_data(version)
    )
    assert version.template.versions.count() == 1


def test_agenda_minutes_outside_the_format_or_the_day_are_refused(client, coordinator):
    version = TemplateVersionFactory()
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug])
    response = client.post(url, version_data(version, **{"agenda-0-minutes": 200}))
    assert 'href="#id_agenda-0-minutes"' in response.text
    response = client.post(url, version_data(version, daily_minutes_max=40))
    assert 'href="#id_daily_minutes_max"' in response.text
    assert "more than the daily 40" in response.text
    assert version.template.versions.count() == 1


@pytest.fixture
def non_coordinator(programme):
    return MembershipFactory(programme=programme, role=Role.HOST).user


def test_the_current_version_offers_editing_to_coordinators_only(
    client, coordinator, non_coordinator
):
    version = TemplateVersionFactory()
    url = version.template.get_absolute_url()
    edit = reverse("methodology:template_edit", args=[version.template.slug])
    assert "Close the call" in client.get(url).text
    assert edit not in client.get(url).text
    client.force_login(non_coordinator)
    assert edit not in client.get(url).text
    client.force_login(coordinator)
    assert edit in client.get(url).text


def test_an_earlier_version_says_so_and_cannot_be_edited_from_its_page(client, coordinator):
    first = TemplateVersionFactory()
    TemplateVersionFactory(template=first.template, number=2)
    client.force_login(coordinator)
    page = client.get(first.get_absolute_url()).text
    assert "This is version 1, kept for the visits planned with it." in page
    assert reverse("methodology:template_edit", args=[first.template.slug]) not in page
    current = client.get(reverse("methodology:template_version", args=[first.template.slug, 2]))
    assert "kept for the visits planned with it" not in current.text


def test_missing_templates_and_versions_are_not_found(client):
    version = TemplateVersionFactory()
    slug = version.template.slug
    assert client.get(reverse("methodology:template_version", args=[slug, 9])).status_code == 404
    assert client.get(reverse("methodology:template", args=["nope"])).status_code == 404
    version.delete()  # a template without any version
    assert client.get(reverse("methodology:template", args=[slug])).status_code == 404
    assert client.get(reverse("methodology:template_changes", args=[slug])).status_code == 404


def test_the_changes_page_falls_back_to_the_last_two_versions_on_odd_parameters(
    client, coordinator
):
    version = TemplateVersionFactory()
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug])
    client.post(url, version_data(version, **{"steps-0-offset_days": -56}))
    changes = reverse("methodology:template_changes", args=[version.template.slug])
    for params in ({}, {"from": "x", "to": "99"}, {"from": "-1", "to": "<script>"}):
        page = client.get(changes, params).text
        assert "<del>-42</del>" in page and "<ins>-56</ins>" in page, params
    same = client.get(changes, {"from": 2, "to": 2}).text
    assert "No difference between these two versions." in same


def test_a_single_version_compared_with_itself_has_no_difference(client):
    version = TemplateVersionFactory()
    changes = reverse("methodology:template_changes", args=[version.template.slug])
    assert "No difference between these two versions." in client.get(changes).text


def test_people_who_may_not_edit_templates_are_sent_to_log_in_or_refused(client, non_coordinator):
    version = TemplateVersionFactory()
    url = reverse("methodology:template_edit", args=[version.template.slug])
    assert client.get(url)["Location"].startswith(reverse("account_login"))
    client.force_login(non_coordinator)
    assert client.get(url).status_code == 403
    assert client.post(url, version_data(version, max_days=9)).status_code == 403
    assert version.template.versions.count() == 1


def test_a_refused_template_edit_keeps_what_was_typed(client, coordinator):
    version = TemplateVersionFactory()
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug])
    typed = {
        "note": "Give people more time",
        "steps-0-title": "Close the call, at last",
        "default_days": 9,
    }
    response = client.post(url, version_data(version, **typed))
    assert 'href="#id_default_days"' in response.text
    assert "Give people more time" in response.text
    assert "Close the call, at last" in response.text
    assert version.template.versions.count() == 1


def test_saving_without_a_change_says_so_and_returns_to_the_template(client, coordinator):
    version = TemplateVersionFactory()
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug])
    response = client.post(url, version_data(version), follow=True)
    assert response.redirect_chain[-1][0] == version.template.get_absolute_url()
    assert "Nothing changed, so no new version was saved." in response.text


def test_the_edit_form_starts_from_the_current_version(client, coordinator):
    first = TemplateVersionFactory()
    TemplateVersionFactory(template=first.template, number=2, default_participants=31)
    client.force_login(coordinator)
    form = client.get(reverse("methodology:template_edit", args=[first.template.slug])).text
    assert 'name="default_participants" value="31"' in form


def test_a_template_is_edited_in_german_from_the_english_page_and_only_german_changes(
    client, coordinator
):
    version = TemplateVersionFactory()
    version.steps.update(title={"en": "Close the call", "fr": "Clore l'appel"})
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug])
    assert url.startswith("/en/")
    page = client.get(url, {"language": "de"}).text
    assert '<option value="de" lang="de" selected>Deutsch</option>' in page
    assert 'name="steps-0-title"' in page and 'lang="de"' in page
    assert 'action="?language=de"' in page
    # Beside the empty German inputs, the English to translate from, marked as English.
    assert '<p lang="en">Close the call</p>' in page and '<p lang="en">Applications</p>' in page
    german = {
        "steps-0-title": "Aufruf schließen",
        "steps-0-deliverable": "Bewerbungen",
        "steps-0-checklist": "",
    }
    response = client.post(f"{url}?language=de", version_data(version, **german))
    new = TemplateVersion.objects.get(template=version.template, number=2)
    saved = new.steps.get()
    assert translations_of(saved, "title") == {
        "en": "Close the call",
        "fr": "Clore l'appel",
        "de": "Aufruf schließen",
    }
    assert translations_of(saved, "deliverable") == {"en": "Applications", "de": "Bewerbungen"}
    assert translations_of(saved, "checklist") == {"en": "Every application complete"}
    changes = client.get(response["Location"]).text
    assert "Step (Deutsch)" in changes and '<ins lang="de">Aufruf schließen</ins>' in changes


def test_the_page_says_which_languages_the_steps_are_complete_in_and_links_the_missing(
    client, coordinator
):
    version = TemplateVersionFactory()
    every = {code: f"Text {code}" for code in offered_codes()}
    version.steps.update(
        title=every,
        deliverable={code: text for code, text in every.items() if code != "ga"},
        checklist=every,
    )
    client.force_login(coordinator)
    page = client.get(reverse("methodology:template_edit", args=[version.template.slug])).text
    assert "The steps are complete in 24 of 25 languages." in page
    assert "Missing in:" in page
    assert '<a href="?language=ga" lang="ga">Gaeilge</a>' in page


def test_an_unknown_language_to_edit_gives_the_page_in_the_pages_language(client, coordinator):
    version = TemplateVersionFactory()
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug])
    for value in ("xx", "<script>", "", "EN-gb", "is"):
        response = client.get(url, {"language": value})
        assert response.status_code == 200, value
        assert '<option value="en" lang="en" selected>' in response.text
        assert 'name="steps-0-title" value="Close the call"' in response.text
    french = client.get(url.replace("/en/", "/fr/", 1), {"language": "nope"}).text
    assert '<option value="fr" lang="fr" selected>' in french


def test_a_step_may_stay_untranslated_but_a_new_step_needs_a_title(client, coordinator):
    version = TemplateVersionFactory()
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug]) + "?language=de"
    empty = {"steps-0-title": "", "steps-0-deliverable": "", "steps-0-checklist": ""}
    response = client.post(url, version_data(version, **empty))
    assert response.status_code == 302  # nothing written in German: nothing changed
    assert version.template.versions.count() == 1
    new_step = {
        "steps-TOTAL_FORMS": 2,
        "steps-1-phase": 4,
        "steps-1-role": "coordinator",
        "steps-1-offset_days": -7,
        "steps-1-anchor": "start",
        "steps-1-title": "",
        "steps-1-deliverable": "Briefing",
    }
    response = client.post(url, version_data(version, **empty, **new_step))
    assert response.status_code == 200
    assert 'href="#id_steps-1-title"' in response.text


def test_a_step_whose_key_was_changed_in_the_post_needs_its_title_like_a_new_step(
    client, coordinator
):
    version = TemplateVersionFactory()
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug]) + "?language=de"
    tampered = {"steps-0-key": "made-up", "steps-0-title": "", "steps-0-deliverable": ""}
    response = client.post(url, version_data(version, **tampered))
    assert response.status_code == 200 and 'href="#id_steps-0-title"' in response.text
    assert version.template.versions.count() == 1


def test_a_step_posted_twice_under_one_key_is_saved_as_two_steps_with_keys_of_their_own(
    client, coordinator
):
    version = TemplateVersionFactory()
    old_key = version.steps.get().key
    client.force_login(coordinator)
    url = reverse("methodology:template_edit", args=[version.template.slug])
    copy = {
        "steps-TOTAL_FORMS": 2,
        "steps-1-key": old_key,
        "steps-1-phase": 4,
        "steps-1-role": "coordinator",
        "steps-1-offset_days": -7,
        "steps-1-anchor": "start",
        "steps-1-title": "Send the briefing pack",
    }
    client.post(url, version_data(version, **copy))
    new = version.template.versions.get(number=2)
    keys = list(new.steps.values_list("key", flat=True))
    assert len(set(keys)) == 2 and old_key in keys
