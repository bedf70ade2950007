"""The formats' pages: filtered, in the reader's language, and edited or added by coordinators."""

import pytest
from django.urls import reverse
from django.utils import translation

from citypeers.core.models import AuditEntry
from citypeers.core.translated import text_in, translations_of
from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.models.formats import FORMAT_TEXTS
from citypeers.programmes.models import Role
from tests.factories import ActivityFormatFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def test_formats_filter_by_mode_group_size_and_duration(client, methodology):
    url = reverse("methodology:formats")
    online = client.get(url, {"mode": "online"}).text
    assert "Virtual tour" in online and "Site visit" not in online
    small_and_short = client.get(url, {"group_size": 5, "duration": 30}).text
    assert "Ask the host" in small_and_short  # 5 to 60 people, from 20 minutes
    assert "World café" not in small_and_short  # from 12 people and 45 minutes
    assert "Fishbowl" not in small_and_short


def test_a_wrong_filter_is_shown_at_its_field_and_the_others_still_apply(client, methodology):
    response = client.get(reverse("methodology:formats"), {"group_size": "lots", "mode": "online"})
    assert response.status_code == 200
    assert 'href="#id_group_size"' in response.text
    assert "Virtual tour" in response.text and "Site visit" not in response.text


def test_a_format_page_reads_in_the_visitors_language(client, methodology):
    english = client.get(reverse("methodology:format", args=["walkshop"])).text
    assert "Walkshop" in english and "Typical pitfalls" in english
    with translation.override("fr"):
        french = client.get(reverse("methodology:format", args=["walkshop"])).text
    assert "Atelier en marchant" in french
    assert client.get(reverse("methodology:format", args=["nope"])).status_code == 404


def test_a_format_page_says_its_placement_rules_in_words(client, methodology):
    english = client.get(reverse("methodology:format", args=["action-planning"])).text
    assert "Placement rules" in english
    assert "Right after Transfer lab, when the visit has one." in english
    wrap_up = client.get(reverse("methodology:format", args=["wrap-up"])).text
    assert "The last session of the visit." in wrap_up
    assert "Not after lunch on the last day. Only for onsite, hybrid visits." in wrap_up
    with translation.override("fr"):
        french = client.get(reverse("methodology:format", args=["solution-workshop"])).text
    assert "Règles de placement" in french
    assert (
        "L'avant-dernier jour, dans une visite de trois jours ou plus. Seulement pour les "
        "visites en ligne." in french.replace("&#x27;", "'")
    )
    site_visit = client.get(reverse("methodology:format", args=["site-visit"])).text
    assert "Placement rules" not in site_visit  # no rule, no section


def format_data(activity, texts=None, **changes):
    """What the edit page posts: the figures, each text's languages (`name_en`, `name_fr`…)
    with `texts` ({name: {language: text}}) typed over them, and two steps."""
    steps = list(activity.steps.all()) if activity.pk else []
    data = {
        "stage": activity.stage,
        "modes": activity.modes,
        "roles": activity.roles,
        "min_group": activity.min_group,
        "max_group": activity.max_group,
        "min_minutes": activity.min_minutes,
        "max_minutes": activity.max_minutes,
        "default_minutes": activity.default_minutes,
        "steps-TOTAL_FORMS": 2,
        "steps-INITIAL_FORMS": len(steps),
        "steps-0-minutes": 15,
        "steps-0-text_en": "Welcome",
        "steps-1-minutes": 30,
        "steps-1-text_en": "Talk in pairs",
    }
    data |= {f"steps-{number}-id": step.pk for number, step in enumerate(steps)}
    for name in FORMAT_TEXTS:
        typed = translations_of(activity, name) | (texts or {}).get(name, {})
        data |= {f"{name}_{code}": text for code, text in typed.items()}
    return data | changes


def test_a_coordinator_edits_a_format_and_its_steps(client, coordinator):
    activity = ActivityFormatFactory()
    client.force_login(coordinator)
    url = reverse("methodology:format_edit", args=[activity.slug])
    response = client.post(url, format_data(activity, {"name": {"en": "Pair walk"}}))
    assert response["Location"] == activity.get_absolute_url()
    activity.refresh_from_db()
    assert text_in(activity, "name", "en") == "Pair walk"
    assert [s.text for s in activity.steps.all()] == ["Welcome", "Talk in pairs"]


def test_the_edit_page_shows_each_texts_languages_side_by_side(client, coordinator):
    activity = ActivityFormatFactory(name_fr="Marche en binômes", purpose_de="Lernen.")
    client.force_login(coordinator)
    with translation.override("fr"):
        page = client.get(reverse("methodology:format_edit", args=[activity.slug])).text
    assert 'name="name_en"' in page and 'name="name_fr"' in page and 'name="name_de"' in page
    assert 'value="Marche en binômes"' in page and "Lernen." in page
    assert 'name="steps-0-text_fr"' in page and 'lang="fr"' in page
    assert "switch the site" not in page and "changez la langue du site" not in page


def test_a_coordinator_edits_french_and_german_in_one_post_and_both_are_kept(client, coordinator):
    activity = ActivityFormatFactory(name_fr="Marche en binômes", summary_it="Un riassunto.")
    english = text_in(activity, "name", "en")
    client.force_login(coordinator)
    typed = {
        "name": {"fr": "Marche à deux", "de": "Paarlauf"},
        "purpose": {"fr": "Apprendre.", "de": "Lernen."},
    }
    data = format_data(activity, typed, **{"steps-0-text_de": "Willkommen"})
    with translation.override("fr"):
        url = reverse("methodology:format_edit", args=[activity.slug])
        response = client.post(url, data)
    assert response.status_code == 302
    activity.refresh_from_db()
    assert translations_of(activity, "name") == {
        "en": english,
        "fr": "Marche à deux",
        "de": "Paarlauf",
    }
    assert translations_of(activity, "purpose") == {
        "en": "To learn.",
        "fr": "Apprendre.",
        "de": "Lernen.",
    }
    assert translations_of(activity, "summary") == {
        "en": "A way to learn together.",
        "it": "Un riassunto.",
    }
    assert translations_of(activity.steps.first(), "text") == {"en": "Welcome", "de": "Willkommen"}
    with translation.override("de"):
        german = client.get(activity.get_absolute_url()).text
    assert "Paarlauf" in german and "Lernen." in german


def test_a_language_not_offered_survives_a_save_from_the_page(client, coordinator):
    activity = ActivityFormatFactory(name_is="Paraganga")
    client.force_login(coordinator)
    url = reverse("methodology:format_edit", args=[activity.slug])
    data = {k: v for k, v in format_data(activity).items() if not k.endswith("_is")}
    client.post(url, data | {"name_en": "Pairs"})
    activity.refresh_from_db()
    assert translations_of(activity, "name") == {"is": "Paraganga", "en": "Pairs"}


def test_a_required_text_empty_in_every_language_is_refused_at_its_field(client, coordinator):
    activity = ActivityFormatFactory(purpose_fr="Apprendre.")
    client.force_login(coordinator)
    url = reverse("methodology:format_edit", args=[activity.slug])
    response = client.post(url, format_data(activity, {"purpose": {"en": "", "fr": ""}}))
    assert response.status_code == 200
    assert 'href="#id_purpose"' in response.text and 'id="id_purpose"' in response.text
    assert "Write it in at least one language." in response.text
    assert translations_of(ActivityFormat.objects.get(pk=activity.pk), "purpose") == {
        "en": "To learn.",
        "fr": "Apprendre.",
    }


def test_a_step_without_text_in_any_language_is_refused_in_the_summary(client, coordinator):
    activity = ActivityFormatFactory()
    client.force_login(coordinator)
    url = reverse("methodology:format_edit", args=[activity.slug])
    response = client.post(url, format_data(activity, **{"steps-1-text_en": ""}))
    assert 'href="#id_steps-1-text"' in response.text
    assert "Write it in at least one language." in response.text


def test_an_edit_on_the_page_is_recorded_with_the_figures_it_changed(client, coordinator):
    """The model form had put the new figures on the format before the service compared them,
    so the audit trail recorded no figure."""
    activity = ActivityFormatFactory()
    client.force_login(coordinator)
    url = reverse("methodology:format_edit", args=[activity.slug])
    client.post(url, format_data(activity, max_group=40))
    entry = AuditEntry.objects.get(action="format.edited", object_id=str(activity.pk))
    assert entry.changes == {"max_group": "40"}


def test_steps_that_do_not_add_up_are_refused_at_the_usual_length(client, coordinator):
    activity = ActivityFormatFactory()
    client.force_login(coordinator)
    url = reverse("methodology:format_edit", args=[activity.slug])
    data = format_data(activity, {"name": {"en": "Changed"}}, default_minutes=60)
    response = client.post(url, data)
    assert 'href="#id_default_minutes"' in response.text
    assert "add up to 45 minutes" in response.text
    assert "Changed" in response.text  # what was typed is still there
    assert text_in(ActivityFormat.objects.get(pk=activity.pk), "name", "en") != "Changed"


def test_a_coordinator_adds_a_format_that_the_guide_then_lists(client, coordinator):
    ActivityFormatFactory()
    client.force_login(coordinator)
    blank = ActivityFormat(
        stage="exchange",
        modes=["online"],
        roles=["facilitator"],
        min_group=4,
        max_group=12,
        min_minutes=30,
        max_minutes=90,
        default_minutes=45,
        name={"en": "Story circle"},
        summary={"en": "Stories."},
        purpose={"en": "To listen."},
        when={"en": "Day two."},
    )
    response = client.post(reverse("methodology:format_create"), format_data(blank))
    created = ActivityFormat.objects.get(slug="story-circle")
    assert response["Location"] == created.get_absolute_url()
    assert created.position > ActivityFormat.objects.exclude(pk=created.pk).get().position
    assert "Story circle" in client.get(reverse("methodology:formats")).text


@pytest.fixture
def non_coordinator(programme):
    return MembershipFactory(programme=programme, role=Role.PARTICIPANT).user


def test_only_coordinators_are_offered_to_add_or_edit_formats(client, coordinator, non_coordinator):
    activity = ActivityFormatFactory()
    pages = (reverse("methodology:formats"), activity.get_absolute_url())
    edit_links = ("Add an activity format", "Edit this format")
    for person in (None, non_coordinator):
        if person:
            client.force_login(person)
        for page, link in zip(pages, edit_links, strict=True):
            response = client.get(page)
            assert response.status_code == 200 and link not in response.text
    client.force_login(coordinator)
    for page, link in zip(pages, edit_links, strict=True):
        assert link in client.get(page).text


def test_people_who_may_not_edit_formats_are_sent_to_log_in_or_refused(client, non_coordinator):
    activity = ActivityFormatFactory()
    urls = (
        reverse("methodology:format_create"),
        reverse("methodology:format_edit", args=[activity.slug]),
    )
    for url in urls:
        assert client.get(url)["Location"].startswith(reverse("account_login"))
    client.force_login(non_coordinator)
    for url in urls:
        assert client.get(url).status_code == 403
        assert (
            client.post(url, format_data(activity, {"name": {"en": "Hijacked"}})).status_code == 403
        )
    assert text_in(ActivityFormat.objects.get(pk=activity.pk), "name", "en") != "Hijacked"


def test_a_refused_edit_keeps_every_step_as_typed(client, coordinator):
    activity = ActivityFormatFactory()
    client.force_login(coordinator)
    url = reverse("methodology:format_edit", args=[activity.slug])
    typed = {"steps-1-text_en": "Talk in threes, then swap", "max_group": 2}
    response = client.post(url, format_data(activity, **typed))
    assert 'href="#id_max_group"' in response.text
    assert "Talk in threes, then swap" in response.text
    assert [
        text_in(s, "text", "en") for s in ActivityFormat.objects.get(pk=activity.pk).steps.all()
    ] == [
        "Step 1",
        "Step 2",
    ]


def test_steps_marked_for_deletion_are_removed(client, coordinator):
    activity = ActivityFormatFactory()
    client.force_login(coordinator)
    url = reverse("methodology:format_edit", args=[activity.slug])
    client.post(url, format_data(activity, **{"steps-0-minutes": 45, "steps-1-DELETE": "on"}))
    assert [s.minutes for s in activity.steps.all()] == [45]


def test_an_unknown_format_cannot_be_edited(client, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("methodology:format_edit", args=["nope"])).status_code == 404


def test_the_transfer_lab_credits_urbacts_transfer_method_in_each_language(client, methodology):
    english = client.get(reverse("methodology:format", args=["transfer-lab"])).text
    assert "The three steps are URBACT's transfer method" in english
    assert 'href="http://urbact.eu/good-practice-call-soon-be-launched"' in english
    french = client.get("/fr/methodology/formats/transfer-lab/").text
    assert "Ces trois étapes sont la méthode de transfert d'URBACT" in french
