import pytest
from django.urls import reverse

from citypeers.reports.models import Report, ReportComment
from citypeers.reports.services.reports import report_save, report_send_for_check
from citypeers.visits.models import VisitPlan
from tests.factories import PublishedPracticeFactory, TemplateVersionFactory
from tests.reports.conftest import SECTIONS, current_text, move_to

pytestmark = pytest.mark.django_db


def _url(visit, name="reports:report", *more):
    return reverse(name, args=[visit.programme.slug, visit.slug, *more])


def test_a_writer_starts_the_report_and_lands_in_the_editor(client, visit, rapporteur):
    client.force_login(rapporteur)
    page = client.get(_url(visit))
    assert "This visit has no report yet." in page.text and "Start the report" in page.text
    response = client.post(_url(visit, "reports:start"), {"language": "en"})
    assert response["Location"] == _url(visit, "reports:edit")
    assert Report.objects.get(visit=visit).versions.count() == 1


def test_the_host_sees_no_start_form(client, visit, host):
    client.force_login(host)
    assert "Start the report" not in client.get(_url(visit)).text


def test_the_team_sees_the_status_and_the_sections_still_to_write(client, report, host):
    client.force_login(host)
    page = client.get(_url(report.visit)).text
    assert "Draft" in page and "version 2" in page
    assert "The market hall came back to life." in page
    assert "Not written yet." in page  # the challenges, among others


def test_a_draft_is_not_public(client, report, people_by_role):
    assert client.get(_url(report.visit)).status_code == 302  # to log in
    client.force_login(people_by_role["participant"])
    assert client.get(_url(report.visit)).status_code == 403


def test_the_public_reads_a_published_report_without_its_workflow(client, published):
    page = client.get(_url(published.visit))
    assert page.status_code == 200
    assert "Quays that work" in page.text and "The market hall came back to life." in page.text
    assert "Not written yet." not in page.text  # empty sections are left out
    assert "Where the report stands" not in page.text


def test_markdown_is_rendered_and_scripts_are_not(client, report, rapporteur, coordinator):
    text = {"summary": "**Bold** <script>alert(1)</script>"}
    report_save(report=report, sections=text, edited_version=2, by=rapporteur)
    move_to(report, "published", rapporteur=rapporteur, coordinator=coordinator)
    page = client.get(_url(report.visit)).text
    assert "<strong>Bold</strong>" in page and "<script>alert" not in page


def _edit_data(report, version: int, **sections) -> dict:
    return {"title": report.title, "version": version, "note": "", **SECTIONS, **sections}


def test_saving_the_editor_makes_a_new_version(client, report, rapporteur):
    client.force_login(rapporteur)
    response = client.post(
        _url(report.visit, "reports:edit"), _edit_data(report, 2, challenges="Parking.")
    )
    assert response.status_code == 302
    assert current_text(report)["challenges"] == "Parking."
    assert report.versions.count() == 3


def test_a_stale_save_keeps_what_was_typed_and_links_the_diff(
    client, report, rapporteur, coordinator
):
    report_save(
        report=report, sections={**SECTIONS, "summary": "Theirs"}, edited_version=2, by=coordinator
    )
    client.force_login(rapporteur)
    response = client.post(
        _url(report.visit, "reports:edit"), _edit_data(report, 2, summary="My careful rewrite")
    )
    assert response.status_code == 200
    assert "My careful rewrite" in response.text
    assert "Someone saved version 3 while you were editing version 2" in response.text
    assert _url(report.visit, "reports:diff", 2, 3) in response.text
    assert current_text(report)["summary"] == "Theirs"
    # Saved again, knowingly, it replaces version 3.
    again = client.post(
        _url(report.visit, "reports:edit"), _edit_data(report, 3, summary="My careful rewrite")
    )
    assert again.status_code == 302 and current_text(report)["summary"] == "My careful rewrite"


def test_the_diff_marks_words_added_and_removed_with_text(client, report, host):
    client.force_login(host)
    page = client.get(_url(report.visit, "reports:diff", 1, 2)).text
    assert '<ins><span class="diff-label">[added:</span>' in page
    assert "Changes from version 1 to 2" in page


def test_the_versions_list_links_each_change(client, report, host, django_assert_max_num_queries):
    client.force_login(host)
    with django_assert_max_num_queries(12):
        page = client.get(_url(report.visit, "reports:versions")).text
    assert "What changed from version 1 to 2" in page and "The first version" in page


def test_the_versions_list_costs_the_same_with_more_versions(
    client, report, rapporteur, host, django_assert_max_num_queries
):
    for number in range(3, 6):
        report_save(
            report=report,
            sections={"summary": str(number)},
            edited_version=number - 1,
            by=rapporteur,
        )
    client.force_login(host)
    with django_assert_max_num_queries(12):
        assert client.get(_url(report.visit, "reports:versions")).status_code == 200


def test_the_host_comments_a_section_during_the_check(client, report, rapporteur, host):
    report_send_for_check(report=report, by=rapporteur)
    client.force_login(host)
    response = client.post(
        _url(report.visit, "reports:comments"), {"section_key": "context", "body": "Since 1998"}
    )
    assert response.status_code == 302
    page = client.get(_url(report.visit, "reports:comments")).text
    assert "Since 1998" in page and "The host&#x27;s context" in page
    assert ReportComment.objects.get().section_key == "context"


def test_an_empty_comment_is_shown_again_with_its_error(client, report, rapporteur, host):
    report_send_for_check(report=report, by=rapporteur)
    client.force_login(host)
    page = client.post(_url(report.visit, "reports:comments"), {"section_key": "context"})
    assert page.status_code == 200 and "There is a problem" in page.text


def test_the_coordinator_publishes_from_the_page(client, report, rapporteur, coordinator):
    move_to(report, "final", rapporteur=rapporteur, coordinator=coordinator)
    client.force_login(rapporteur)
    page = client.get(_url(report.visit)).text
    assert 'value="publish"' not in page  # the rapporteur does not publish
    client.force_login(coordinator)
    assert 'value="publish"' in client.get(_url(report.visit)).text
    client.post(_url(report.visit, "reports:step"), {"step": "publish"})
    assert Report.objects.get().status == "published"


def test_a_refused_step_says_why(client, report, rapporteur):
    client.force_login(rapporteur)
    response = client.post(_url(report.visit, "reports:step"), {"step": "final"}, follow=True)
    assert "this step is not possible from there" in response.text
    response = client.post(_url(report.visit, "reports:step"), {"step": "publish"}, follow=True)
    assert "This step is not yours to take." in response.text


def test_the_visit_page_and_the_practice_page_link_the_published_report(client, published):
    visit = published.visit
    practice = PublishedPracticeFactory(programme=visit.programme)
    VisitPlan.objects.create(
        visit=visit,
        template_version=TemplateVersionFactory(),
        time_zone="Europe/Paris",
        participants=20,
        practice=practice,
    )
    assert (
        _url(visit)
        in client.get(reverse("visits:visit", args=[visit.programme.slug, visit.slug])).text
    )
    page = client.get(practice.get_absolute_url()).text
    assert f"Report of the visit: {visit.title}" in page and _url(visit) in page


def test_a_draft_is_linked_for_the_team_only(client, report, host):
    address = reverse("visits:visit", args=[report.visit.programme.slug, report.visit.slug])
    assert _url(report.visit) not in client.get(address).text
    client.force_login(host)
    assert "The visit&#x27;s report (Draft)" in client.get(address).text
