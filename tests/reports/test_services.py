import pytest
from django.core import mail

from citypeers.core.errors import ReportError
from citypeers.core.models import AuditEntry
from citypeers.reports.enums import SECTION_KEYS, ReportStatus
from citypeers.reports.models import Report, ReportComment, ReportVersion
from citypeers.reports.services.reports import (
    StaleVersion,
    report_back_to_draft,
    report_comment_add,
    report_comment_resolve,
    report_create,
    report_mark_final,
    report_publish,
    report_save,
    report_send_for_check,
    report_unpublish,
)
from tests.reports.conftest import SECTIONS, current_text, move_to

pytestmark = pytest.mark.django_db


def test_the_rapporteur_starts_the_report_with_a_first_version(visit, rapporteur):
    report = report_create(visit=visit, by=rapporteur, language="fr")
    assert report.status == ReportStatus.DRAFT
    assert report.language == "fr"
    assert report.title.startswith("Rapport")  # in the report's language
    version = report.versions.get()
    assert version.number == 1
    assert set(version.sections) == set(SECTION_KEYS)
    assert AuditEntry.objects.filter(action="report.created", object_id=str(report.pk)).exists()


@pytest.mark.parametrize(
    "role", ["host", "expert", "participant", "rapporteur_elsewhere", "no_role"]
)
def test_only_the_rapporteur_and_coordinators_start_a_report(visit, people_by_role, role):
    with pytest.raises(ReportError):
        report_create(visit=visit, by=people_by_role[role])
    assert not Report.objects.exists()


def test_a_coordinator_may_start_it_too_but_only_once(visit, coordinator, rapporteur):
    report_create(visit=visit, by=coordinator)
    with pytest.raises(ReportError, match="already"):
        report_create(visit=visit, by=rapporteur)


def test_each_save_that_changes_something_is_a_new_version(report, rapporteur):
    assert report.versions.count() == 2
    assert report_save(report=report, sections=SECTIONS, edited_version=2, by=rapporteur) is None
    changed = {**SECTIONS, "challenges": "Parking."}
    version = report_save(report=report, sections=changed, edited_version=2, by=rapporteur)
    assert version.number == 3
    assert current_text(report)["challenges"] == "Parking."
    # Earlier versions are kept as they were.
    assert ReportVersion.objects.get(report=report, number=2).sections["challenges"] == ""


def test_a_stale_save_is_refused_and_changes_nothing(report, rapporteur, coordinator):
    report_save(
        report=report, sections={**SECTIONS, "summary": "Mine"}, edited_version=2, by=coordinator
    )
    with pytest.raises(StaleVersion) as refused:
        report_save(
            report=report,
            sections={**SECTIONS, "summary": "Theirs"},
            edited_version=2,
            by=rapporteur,
        )
    assert refused.value.latest == 3 and refused.value.edited == 2
    assert "version 3" in refused.value.message
    assert report.versions.count() == 3
    assert current_text(report)["summary"] == "Mine"


def test_a_section_too_long_is_refused_at_its_field(report, rapporteur):
    with pytest.raises(ReportError) as refused:
        report_save(
            report=report, sections={"summary": "x" * 50_001}, edited_version=2, by=rapporteur
        )
    assert refused.value.field == "summary"


def test_the_host_does_not_write_the_report(report, host):
    with pytest.raises(ReportError):
        report_save(report=report, sections={"summary": "Ours"}, edited_version=2, by=host)


def test_sending_for_check_mails_the_hosts(
    report, rapporteur, host, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report_send_for_check(report=report, by=rapporteur)
    report.refresh_from_db()
    assert report.status == ReportStatus.CHECK
    assert [message.to for message in mail.outbox] == [[host.email]]
    assert "check the facts" in mail.outbox[0].subject
    assert "/report/comments/" in mail.outbox[0].body


def test_the_host_comments_only_during_the_check(report, rapporteur, host):
    with pytest.raises(ReportError):
        report_comment_add(report=report, section_key="summary", body="Wrong year", by=host)
    report_send_for_check(report=report, by=rapporteur)
    comment = report_comment_add(report=report, section_key="summary", body="Wrong year", by=host)
    assert comment.version.number == 2
    report_mark_final(report=report, by=rapporteur)
    with pytest.raises(ReportError):
        report_comment_add(report=report, section_key="summary", body="Late", by=host)


def test_a_comment_names_a_section_and_says_something(report, rapporteur):
    with pytest.raises(ReportError) as refused:
        report_comment_add(report=report, section_key="nowhere", body="x", by=rapporteur)
    assert refused.value.field == "section_key"
    with pytest.raises(ReportError) as refused:
        report_comment_add(report=report, section_key="summary", body="  ", by=rapporteur)
    assert refused.value.field == "body"


def test_the_rapporteur_resolves_comments_the_host_does_not(report, rapporteur, host):
    report_send_for_check(report=report, by=rapporteur)
    comment = report_comment_add(report=report, section_key="context", body="1998", by=host)
    with pytest.raises(ReportError):
        report_comment_resolve(comment=comment, by=host)
    report_comment_resolve(comment=comment, by=rapporteur)
    assert ReportComment.objects.get().resolved_by == rapporteur


def test_final_only_after_the_check(report, rapporteur):
    with pytest.raises(ReportError, match="Draft"):
        report_mark_final(report=report, by=rapporteur)
    report_send_for_check(report=report, by=rapporteur)
    report_back_to_draft(report=report, by=rapporteur)
    assert Report.objects.get().status == ReportStatus.DRAFT


def test_only_a_coordinator_publishes_a_final_report(report, rapporteur, coordinator, host):
    move_to(report, "final", rapporteur=rapporteur, coordinator=coordinator)
    for person in (rapporteur, host):
        with pytest.raises(ReportError):
            report_publish(report=report, by=person)
    report_publish(report=report, by=coordinator)
    stored = Report.objects.get()
    assert stored.status == ReportStatus.PUBLISHED and stored.published_at is not None


def test_a_draft_cannot_be_published(report, coordinator):
    with pytest.raises(ReportError):
        report_publish(report=report, by=coordinator)
    assert Report.objects.get().status == ReportStatus.DRAFT


def test_a_published_report_is_not_edited_until_unpublished(published, rapporteur, coordinator):
    with pytest.raises(ReportError, match="unpublish"):
        report_save(report=published, sections={"summary": "New"}, edited_version=2, by=rapporteur)
    report_unpublish(report=published, by=coordinator)
    stored = Report.objects.get()
    assert stored.status == ReportStatus.FINAL and stored.published_at is None
    assert report_save(report=stored, sections={"summary": "New"}, edited_version=2, by=rapporteur)


def test_every_step_is_audited(published):
    actions = set(
        AuditEntry.objects.filter(object_id=str(published.pk)).values_list("action", flat=True)
    )
    assert {"report.created", "report.saved", "report.sent_for_check", "report.final"} <= actions
    assert "report.published" in actions
