"""Results of a survey, and of a programme's surveys by moment: every figure equals a recount
from the answers given (counted here, independently), small groups are hidden, free text is in
no order of answering, charts are SVG with the table's numbers, exports name nobody."""

import csv
import io
import statistics
import xml.etree.ElementTree as ET

import openpyxl
import pytest
from django.urls import reverse

from citypeers.feedback.enums import Anonymity, Moment
from citypeers.feedback.models import Answer
from citypeers.feedback.selectors.results import programme_figures, survey_figures
from tests.factories import VisitFactory
from tests.feedback.scene import answered_survey, coordinator_of

pytestmark = pytest.mark.django_db


def svg_root(content: bytes) -> ET.Element:
    """The chart parsed as XML: it must be well-formed to show at all."""
    return ET.fromstring(content)  # noqa: S314 - the server's own chart, read by its test


def test_every_figure_equals_a_recount_of_the_answers_given():
    survey, given, sessions = answered_survey(responses=7, seed=3)
    figures = survey_figures(survey)

    assert (figures.responses, figures.invited) == (7, 9)
    [rating] = figures.ratings
    useful = [answers["useful"] for answers in given]
    assert rating.counts == {n: useful.count(n) for n in range(1, 6)}
    assert rating.mean == round(statistics.mean(useful), 2)
    [knowledge] = figures.before_after
    assert knowledge.mean_before == round(statistics.mean(a["knowledge"][0] for a in given), 2)
    assert knowledge.mean_after == round(statistics.mean(a["knowledge"][1] for a in given), 2)
    [per_session] = figures.sessions
    assert [(row.title, row.ratings, row.mean) for row in per_session.sessions] == [
        (s.title, 7, round(statistics.mean(a["sessions"][s] for a in given), 2)) for s in sessions
    ]
    assert per_session.sessions[0].format == str(sessions[0].format)
    [choice] = figures.choices
    formats = [a["format"] for a in given]
    assert dict(choice.counts) == {c: formats.count(c) for c in set(formats)}
    [texts] = figures.texts
    assert sorted(texts.answers) == sorted(a["takeaway"] for a in given)


def test_free_text_comes_in_the_order_of_random_ids_not_of_answering():
    survey, _given, _sessions = answered_survey(responses=4, seed=5)
    [texts] = survey_figures(survey).texts
    by_id = Answer.objects.filter(question__key="takeaway").order_by("id")
    assert texts.answers == [answer.text for answer in by_id]


def test_fewer_than_three_responses_hide_every_figure(client):
    survey, _given, _sessions = answered_survey(responses=2)
    figures = survey_figures(survey)
    assert figures.hidden and figures.ratings == [] and figures.texts == []

    client.force_login(coordinator_of(survey.visit))
    address = reverse(
        "feedback:results", args=[survey.visit.programme.slug, survey.visit.slug, survey.pk]
    )
    page = client.get(address).content.decode()
    assert "Fewer than 3 people answered" in page
    assert "Walk the streets first" not in page
    assert client.get(address + "charts/rating-useful.svg").status_code == 404


def _page_and_chart(client, survey, key: str):
    client.force_login(coordinator_of(survey.visit))
    address = reverse(
        "feedback:results", args=[survey.visit.programme.slug, survey.visit.slug, survey.pk]
    )
    return client.get(address), client.get(f"{address}charts/{key}.svg")


def test_a_chart_is_an_svg_of_the_numbers_in_the_table_beside_it(client):
    survey, given, _sessions = answered_survey(responses=6, seed=8)
    page, chart = _page_and_chart(client, survey, "rating-useful")

    assert chart.status_code == 200 and chart["Content-Type"] == "image/svg+xml"
    root = svg_root(chart.content)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert not root.findall(".//{http://www.w3.org/2000/svg}script")
    drawn = {
        text.text
        for text in root.iter("{http://www.w3.org/2000/svg}text")
        if text.text and text.text.isdigit()
    }
    useful = [answers["useful"] for answers in given]
    html = page.content.decode()
    for rating in range(1, 6):
        if count := useful.count(rating):
            assert str(count) in drawn  # printed on its bar
        assert f'<th scope="row">{rating}</th><td>{count}</td>' in html
    assert 'src="/en/programmes/' in html and 'rating-useful.svg" alt="Chart: ' in html


def test_only_the_charts_own_address_allows_its_inline_style(client):
    survey, _given, _sessions = answered_survey(responses=3)
    page, chart = _page_and_chart(client, survey, "before-after")
    assert "'unsafe-inline'" in chart["Content-Security-Policy"]
    assert "'unsafe-inline'" not in page["Content-Security-Policy"]
    svg_root(chart.content)


def test_a_chart_that_does_not_exist_is_not_found(client):
    survey, _given, _sessions = answered_survey(responses=3)
    _page, chart = _page_and_chart(client, survey, "rating-nothing")
    assert chart.status_code == 404


def _export(client, survey, export_format: str):
    client.force_login(coordinator_of(survey.visit))
    address = reverse(
        "feedback:results", args=[survey.visit.programme.slug, survey.visit.slug, survey.pk]
    )
    return client.get(address, {"export": export_format})


def test_the_csv_of_an_anonymous_survey_has_no_person_nor_pseudonym(client):
    survey, _given, _sessions = answered_survey(responses=3)
    rows = list(csv.reader(io.StringIO(_export(client, survey, "csv").content.decode())))
    assert rows[0] == [
        "Visit",
        "Survey",
        "Day",
        "Response",
        "Question key",
        "Question",
        "Session",
        "Rating",
        "Before",
        "Choice",
        "Text",
    ]
    # One row per answer: 4 questions and a rating for each of 2 sessions, per response.
    assert len(rows) - 1 == 3 * 6
    emails = set(survey.invitations.values_list("person__email", flat=True))
    assert not any(cell in emails for row in rows for cell in row)


def test_the_xlsx_of_a_pseudonymous_survey_keeps_the_pseudonym(client):
    survey, _given, _sessions = answered_survey(responses=3, anonymity=Anonymity.PSEUDONYMOUS)
    response = _export(client, survey, "xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    headers = [cell.value for cell in sheet[1]]
    assert "Pseudonym" in headers
    pseudonyms = {row[headers.index("Pseudonym")] for row in sheet.iter_rows(2, values_only=True)}
    assert pseudonyms == {"p0", "p1", "p2"}


def test_a_programmes_results_count_a_question_across_its_visits(client):
    first, given_first, _s = answered_survey(responses=2, seed=1)
    elsewhere = VisitFactory(programme=first.visit.programme)
    _second, given_second, _s = answered_survey(
        responses=2, seed=2, visit=elsewhere, version=first.version
    )
    [moment] = programme_figures(first.visit.programme)
    assert (moment.moment, moment.surveys, moment.figures.responses) == (Moment.END_OF_VISIT, 2, 4)
    useful = [a["useful"] for a in given_first + given_second]
    assert moment.figures.ratings[0].counts == {n: useful.count(n) for n in range(1, 6)}

    client.force_login(coordinator_of(first.visit))
    address = reverse("feedback:programme_results", args=[first.visit.programme.slug])
    page = client.get(address).content.decode()
    assert "2 surveys sent." in page and "4 responses of" in page
    chart = client.get(address + "charts/end-rating-useful.svg")
    assert chart.status_code == 200
    svg_root(chart.content)
