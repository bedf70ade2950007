"""The impact pages: every figure equals a recount made here from the raw rows (not through the
selectors), small groups stay hidden, no name shows, quotes only with consent, the figures are
counted once per change, and the map is a valid SVG without script."""

import datetime
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

import pytest
from django.urls import reverse

from citypeers.feedback.enums import Moment, PlanStatus, StepStatus
from citypeers.feedback.models import ActionPlan, ActionStep, Answer
from citypeers.feedback.selectors.impact import impact_count, programme_impact
from citypeers.feedback.services.plans import plan_save
from citypeers.programmes.models import Membership, Role
from tests.factories import VisitFactory
from tests.feedback.factories import on_visit, respond, survey_of
from tests.feedback.impact_scene import impact_scene, organisation_in

pytestmark = pytest.mark.django_db


def _mean(values):
    return round(sum(values) / len(values), 2)


def recount_survey(visits) -> dict:
    """(moment's label, question text) -> what the figure must say, from the Answer rows."""
    rows = defaultdict(list)
    for answer in Answer.objects.filter(response__survey__visit__in=visits).select_related(
        "question", "response__survey"
    ):
        rows[(answer.response.survey.moment, answer.question)].append(answer)
    expected = {}
    for (moment, question), answers in rows.items():
        label = (str(Moment(moment).label), question.text)
        if question.kind == "rating":
            numbers = [a.number for a in answers]
            high = len([n for n in numbers if n in (4, 5)])
            expected[label] = (len(numbers), _mean(numbers), round(100 * high / len(numbers)))
        elif question.kind == "before_after":
            rose = len([a for a in answers if a.number > a.number_before])
            expected[label] = (
                len(answers),
                _mean([a.number_before for a in answers]),
                _mean([a.number for a in answers]),
                round(100 * rose / len(answers)),
            )
        elif question.kind == "choice":
            expected[label] = (len(answers), Counter(a.choice for a in answers))
        elif question.kind == "text" and question.level >= 3:
            expected[label] = (len([a for a in answers if a.text.strip()]),)
    return expected


def shown_survey(impact) -> dict:
    shown = {}
    for level in impact.levels:
        for f in level.figures:
            label = (f.moment, f.text)
            if f.kind == "rating":
                shown[label] = (f.answers, f.mean, f.share_high)
            elif f.kind == "before_after":
                shown[label] = (f.answers, f.mean_before, f.mean, f.share_rose)
            elif f.kind == "choice":
                shown[label] = (f.answers, Counter(dict(f.counts)))
            else:
                shown[label] = (f.answers,)
    return shown


def recount_plans(visits) -> dict:
    submitted = ActionPlan.objects.filter(visit__in=visits, status=PlanStatus.SUBMITTED)
    steps = list(ActionStep.objects.filter(plan__in=submitted))
    cities = defaultdict(lambda: [0, 0])
    for plan in submitted.select_related("person__organisation__place"):
        if plan.person.organisation:
            place = plan.person.organisation.place
            cities[(place.name, place.country.code)][0] += 1
            cities[(place.name, place.country.code)][1] += plan.steps.filter(
                status=StepStatus.DONE
            ).count()
    return {
        "participants": Membership.objects.filter(visit__in=visits, role=Role.PARTICIPANT).count(),
        "plans": submitted.count(),
        "steps": len(steps),
        "done": len([s for s in steps if s.status == StepStatus.DONE]),
        "in_progress": len([s for s in steps if s.status == StepStatus.IN_PROGRESS]),
        "cities": {key: tuple(value) for key, value in cities.items()},
        "quotes": sorted(p.quote_to_publish for p in submitted.filter(quote_consent=True)),
    }


def shown_plans(impact) -> dict:
    return {
        "participants": impact.participants,
        "plans": impact.plans.plans_submitted,
        "steps": impact.plans.steps_total,
        "done": impact.plans.steps_done,
        "in_progress": impact.plans.steps_in_progress,
        "cities": {(c.city, c.country): (c.plans, c.steps_done) for c in impact.cities},
        "quotes": sorted(q.text for q in impact.quotes),
    }


def test_every_figure_equals_a_recount_from_the_raw_rows():
    programme, visits = impact_scene(people=5, visits=2)
    counted = impact_count(programme)
    assert shown_survey(counted.whole) == recount_survey(visits)
    assert shown_plans(counted.whole) == recount_plans(visits)
    for visit in visits:
        assert shown_survey(counted.of(visit)) == recount_survey([visit])
        assert shown_plans(counted.of(visit)) == recount_plans([visit])
    # The scene is not trivial: every level has figures, and some city re-used the practice.
    assert all(level.figures for level in counted.whole.levels)
    assert counted.whole.cities_reused > 0


def test_the_country_table_adds_up_the_cities():
    programme, visits = impact_scene(people=5, visits=2)
    impact = impact_count(programme).whole
    by_country = defaultdict(set)
    for city in impact.cities:
        by_country[city.country].add(city.city)
    assert {row.country: row.cities for row in impact.countries} == {
        code: len(names) for code, names in by_country.items()
    }
    assert sum(row.plans for row in impact.countries) + impact.unplaced_plans == (
        ActionPlan.objects.filter(visit__in=visits, status=PlanStatus.SUBMITTED).count()
    )


def test_the_programme_page_shows_the_figures_without_a_name(client):
    programme, visits = impact_scene(people=5, visits=2)
    response = client.get(reverse("feedback:programme_impact", args=[programme.slug]))
    assert response.status_code == 200
    page = response.content.decode()
    impact = programme_impact(programme).whole
    assert "Anna Secret" not in page
    assert f"{impact.plans.plans_submitted} of {impact.participants} participants" in page
    assert impact.cities
    for city in impact.cities:  # each city with its country
        assert f'<th scope="row">{city.city}</th><td>{city.country_name}</td>' in page
    for visit in visits:
        assert reverse("feedback:visit_impact", args=[programme.slug, visit.slug]) in page


def test_quotes_show_only_with_consent_and_never_from_a_draft(client):
    programme, visits = impact_scene(people=5, visits=1)
    page = client.get(reverse("feedback:visit_impact", args=[programme.slug, visits[0].slug]))
    text = page.content.decode()
    for plan in ActionPlan.objects.filter(visit=visits[0]):
        shown = plan.quote_consent and plan.status == PlanStatus.SUBMITTED
        assert (plan.quote_to_publish in text) == shown, plan.quote_to_publish
    assert "Anna Secret" not in text


def test_figures_from_fewer_than_three_answers_are_hidden(client):
    visit = VisitFactory()
    survey = survey_of(visit, moment=Moment.END_OF_VISIT)
    for rating in (5, 1):
        respond(survey, question_answers={"satisfaction": rating, "knowledge": (1, 5)})
    impact = programme_impact(visit.programme).of(visit)
    reaction = impact.levels[0].figures[0]
    assert reaction.hidden and reaction.mean is None and reaction.share_high is None
    page = client.get(reverse("feedback:visit_impact", args=[visit.programme.slug, visit.slug]))
    text = page.content.decode()
    assert "Too few answers to show" in text
    assert "mean 3.00" not in text and "50 %" not in text


def test_a_new_answer_and_a_new_plan_show_on_the_next_view(client, django_assert_max_num_queries):
    programme, visits = impact_scene(people=4, visits=1)
    visit = visits[0]
    url = reverse("feedback:visit_impact", args=[programme.slug, visit.slug])
    client.get(url)
    with django_assert_max_num_queries(6):  # counted once: the second view reads the cache
        client.get(url)
    before = programme_impact(programme).of(visit)
    survey = visit.surveys.get(moment=Moment.END_OF_VISIT)
    respond(survey, question_answers={"satisfaction": 5})
    after = programme_impact(programme).of(visit)
    assert after.levels[0].figures[0].answers == before.levels[0].figures[0].answers + 1

    newcomer = on_visit(visit, organisation=organisation_in("Aarhus", "DK"))
    plan_save(
        visit=visit,
        person=newcomer,
        texts={
            "learnt": "a",
            "challenge": "b",
            "adaptation": "c",
            "quote_to_publish": "Aarhus will walk",
            "quote_consent": True,
        },
        steps=[{"what": "Walk", "owner": "", "due_on": datetime.date(2027, 1, 1)}],
        submit=True,
    )
    page = client.get(url).content.decode()
    assert "Aarhus will walk" in page and "Denmark" in page


def test_the_maps_are_valid_svg_without_script_beside_a_table_of_their_numbers(client):
    programme, visits = impact_scene(people=5, visits=2)
    for url in (
        reverse("feedback:programme_impact_map", args=[programme.slug]),
        reverse("feedback:visit_impact_map", args=[programme.slug, visits[0].slug]),
    ):
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/svg+xml"
        assert "'unsafe-inline'" in response["Content-Security-Policy"]
        root = ET.fromstring(response.content)  # noqa: S314 -- our own output
        assert root.tag.endswith("svg")
        assert not [e for e in root.iter() if str(e.tag).endswith("script")]
        assert "1020 60 560 392" in {e.get("viewBox") for e in root.iter()}  # framed on Europe
    page = client.get(reverse("feedback:programme_impact", args=[programme.slug]))
    text = page.content.decode()
    assert 'id="impact-map"' in text and "Map of Europe" in text
    for row in programme_impact(programme).whole.countries:
        assert f'<th scope="row">{row.name}</th><td>{row.cities}</td>' in text
    # The page's own CSP stays strict: only the map's address allows inline style.
    assert "'unsafe-inline'" not in page["Content-Security-Policy"]


def test_a_visit_of_another_programme_is_not_found(client):
    programme, _visits = impact_scene(people=3, visits=1)
    elsewhere = VisitFactory()
    url = reverse("feedback:visit_impact", args=[programme.slug, elsewhere.slug])
    assert client.get(url).status_code == 404


def test_the_programme_and_visit_pages_and_me_link_the_impact(client):
    programme, visits = impact_scene(people=3, visits=1)
    impact_url = reverse("feedback:programme_impact", args=[programme.slug])
    assert impact_url in client.get(programme.get_absolute_url()).content.decode()
    visit_page = client.get(reverse("visits:visit", args=[programme.slug, visits[0].slug]))
    assert (
        reverse("feedback:visit_impact", args=[programme.slug, visits[0].slug])
        in visit_page.content.decode()
    )
    coordinator = Membership.objects.create(
        programme=programme, role=Role.COORDINATOR, user=on_visit(visits[0])
    ).user
    client.force_login(coordinator)
    assert impact_url in client.get(reverse("programmes:dashboard")).content.decode()


def test_the_page_in_french_names_the_choices_in_french(client):
    programme, _visits = impact_scene(people=5, visits=1)
    page = client.get(f"/fr/programmes/{programme.slug}/impact/").content.decode()
    assert "Chiffres des enquêtes par niveau de Kirkpatrick" in page
    assert "Un projet pilote" in page or "Rien pour l&#x27;instant" in page or "Des plans" in page
    assert "A pilot:" not in page and "Nothing yet:" not in page
    assert "% ont donné 4 ou 5" in page


def test_a_visit_added_after_the_figures_were_counted_has_its_page_and_map(client):
    programme, _visits = impact_scene(people=3, visits=1)
    client.get(reverse("feedback:programme_impact", args=[programme.slug]))  # now cached
    newcomer = VisitFactory(programme=programme)
    for name in ("feedback:visit_impact", "feedback:visit_impact_map"):
        response = client.get(reverse(name, args=[programme.slug, newcomer.slug]))
        assert response.status_code == 200


def test_a_participant_from_the_host_city_is_no_re_use_in_another_city():
    programme, visits = impact_scene(people=4, visits=1)
    visit = visits[0]
    plan = ActionPlan.objects.filter(
        visit=visit, status=PlanStatus.SUBMITTED, person__organisation__isnull=False
    ).first()
    home = plan.person.organisation.place
    visit.host_place = home
    visit.save()
    impact = impact_count(programme).of(visit)
    assert (home.name, home.country.code) not in {(c.city, c.country) for c in impact.cities}
    assert impact.plans.plans_submitted == (
        ActionPlan.objects.filter(visit=visit, status=PlanStatus.SUBMITTED).count()
    )


@pytest.mark.parametrize("visits", [1, 3])
def test_a_cached_impact_page_asks_as_many_queries_for_three_visits_as_for_one(
    client, django_assert_max_num_queries, visits
):
    programme, _made = impact_scene(people=3, visits=visits)
    url = reverse("feedback:programme_impact", args=[programme.slug])
    client.get(url)
    with django_assert_max_num_queries(2):  # the responses' count, then the cache
        assert client.get(url).status_code == 200
