"""The guide's page."""

import itertools
import re

import pytest
from django.urls import reverse

from tests.factories import TemplateVersionFactory

pytestmark = pytest.mark.django_db


def test_the_guide_shows_phases_roles_and_links(client, methodology):
    page = client.get(reverse("methodology:guide")).text
    for phase in ("Catalogue", "Call for participants", "Follow-up", "Report and communicate"):
        assert phase in page
    assert "Rapporteur" in page
    assert reverse("methodology:guide_pdf") in page


def test_the_guide_links_each_template_and_counts_the_formats(client):
    version = TemplateVersionFactory(template__name={"en": "Online visit"})  # and three formats
    page = client.get(reverse("methodology:guide")).text
    assert "Online visit" in page and version.template.get_absolute_url() in page
    assert "3 activity formats" in page


def test_the_guide_names_every_role_the_cards_need_each_with_its_tasks(client, methodology):
    roles = client.get(reverse("methodology:guide")).text.split('id="roles-heading"')[1]
    roles = roles.split("</section>")[0]
    for role in ("Facilitator", "Expert", "Technical host", "Interpreter", "Table host"):
        assert f"<dt>{role}</dt>" in roles
    assert "<dt>Note-taker</dt>" in roles and "<dt>Local stakeholders</dt>" in roles
    assert "Expert or facilitator" not in roles  # two jobs, two people
    assert "Runs the online room" in roles  # the technical host's tasks
    french = client.get("/fr/methodology/").text
    assert "<dt>Hôte de table</dt>" in french


PROGRAMMES = (
    "Cultural Heritage in Action",
    "URBACT transfer networks",
    "Interreg Europe peer reviews",
    "TAIEX-REGIO PEER 2 PEER",
    "Culture for Cities and Regions",
)


def chapter(page: str, slug: str) -> str:
    """The page's section of the chapter `slug`, from its heading to its end."""
    return page.split(f'aria-labelledby="{slug}-heading"')[1].split("</section>")[0]


def subsections(html: str) -> dict[str, str]:
    """Each h3 of a chapter's HTML: its title and what follows it up to the next h3."""
    parts = re.split(r"<h3>(.*?)</h3>", html)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_lessons_chapter_gives_each_programme_with_its_sources(client):
    page = client.get(reverse("methodology:guide")).text
    assert 'href="#lessons-heading"' in page  # from the guide's top list
    lessons = subsections(chapter(page, "lessons"))
    for programme in PROGRAMMES:
        [title] = [title for title in lessons if programme in title]
        text = lessons[title]
        assert "What worked" in text and "What did not" in text, programme
        assert re.search(r'<a href="https?://[^"]+"[^>]*>', text), programme
    assert "Host-focused or transfer-focused?" in lessons
    draws = next(text for title, text in lessons.items() if title.startswith("What our method"))
    assert "The transfer lab follows URBACT's transfer method" in draws


def test_the_evaluation_section_puts_each_instrument_at_its_moment(client):
    page = client.get(reverse("methodology:guide")).text
    assert 'href="#evaluation-heading"' in page
    evaluation = chapter(page, "evaluation")
    # As the Wrap-up card says: the survey is filled in during the last session, not sent later.
    assert "filled in <strong>during the wrap-up, at the end of the last session</strong>" in (
        evaluation
    )
    for moment in ("Six weeks after the visit", "Six months after the visit", "Twelve months"):
        assert moment in evaluation
    for part in ("Learning objectives", "local stakeholder group", "two-page brief", "kit"):
        assert part in evaluation


def test_the_chapters_headings_continue_the_pages_order(client):
    page = client.get(reverse("methodology:guide")).text
    levels = [int(level) for level in re.findall(r"<h([1-6])[ >]", page)]
    assert levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in itertools.pairwise(levels))
    for slug in ("lessons", "evaluation"):
        inside = [int(level) for level in re.findall(r"<h([1-6])[ >]", chapter(page, slug))]
        assert inside[0] == 2 and set(inside[1:]) <= {3, 4}


def test_the_french_guide_shows_the_french_chapters(client):
    page = client.get("/fr/methodology/").text
    assert "Les enseignements des programmes précédents" in page
    assert "Évaluation et suivi" in page
    lessons = chapter(page, "lessons")
    assert "Ce qui a fonctionné" in lessons and "What worked" not in lessons
    assert "la méthode de transfert d'URBACT" in lessons
    assert "pendant la clôture" in chapter(page, "evaluation")


def test_the_light_templates_are_listed_apart_with_their_people_and_days(client, methodology):
    templates = client.get(reverse("methodology:guide")).text.split('id="templates-heading"')[1]
    main, light = templates.split("Light formats for small cities")
    assert "Onsite peer-learning visit" in main and "Bilateral study visit" not in main
    assert "Onsite: 1 to 2 days, about 3 people." in light  # the bilateral study visit
    assert "Online: 1 day, about 8 people." in light  # the 90-minute clinic
    assert "Choose an expert mission when a city has a precise question" in light
    french = client.get("/fr/methodology/").text
    assert "Formats légers pour les petites villes" in french
