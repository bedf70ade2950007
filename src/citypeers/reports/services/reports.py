"""The report's workflow: create (prefilled), save (a new version, refused when stale), send to
the host for the factual check, comment, back to draft or final, publish, unpublish.

Each service checks who may do it (the same rules the pages show), so the console and the API
cannot do more than a page; every write is audited."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import ReportError
from citypeers.programmes.models import Visit
from citypeers.reports.enums import (
    SECTION_KEYS,
    SECTION_MAX_LENGTH,
    SECTIONS_BY_KEY,
    ReportStatus,
)
from citypeers.reports.models import Report, ReportComment, ReportVersion
from citypeers.reports.permissions import coordinates_now, hosts_visit_now, writes_report_now
from citypeers.reports.selectors.prefill import prefilled_sections
from citypeers.reports.selectors.reports import forget_report, latest_version

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}
EDITABLE = {ReportStatus.DRAFT, ReportStatus.CHECK, ReportStatus.FINAL}


def _staff(by) -> bool:
    return bool(by is not None and by.is_staff)


def _require_writer(visit: Visit, by) -> None:
    if not (_staff(by) or writes_report_now(by, visit)):
        raise ReportError(
            _("Only the visit's rapporteur and the programme's coordinators do this.")
        )


def _require_coordinator(visit: Visit, by) -> None:
    if not (_staff(by) or coordinates_now(by, visit)):
        raise ReportError(_("Only the programme's coordinators publish a report."))


def _locked(report: Report) -> Report:
    """The report's row, locked until the transaction ends: saves and moves take turns."""
    return Report.objects.select_for_update().get(pk=report.pk)


def _move(report: Report, *, to: str, allowed_from: set, action: str, by, **fields) -> Report:
    with transaction.atomic():
        locked = _locked(report)
        if locked.status not in allowed_from:
            raise ReportError(
                _("The report is now “%(status)s”: this step is not possible from there.")
                % {"status": locked.get_status_display()}
            )
        before = locked.status
        locked.status = to
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.save(update_fields=["status", *fields])
        log_action(locked, action, by=by, changes={"status": [before, to]})
    forget_report(report.visit)
    report.status = locked.status
    for name, value in fields.items():
        setattr(report, name, value)
    return report


def report_create(
    *, visit: Visit, by, language: str | None = None, title: str | None = None
) -> Report:
    """The visit's report, its first version drafted from the visit's data (`prefill`)."""
    _require_writer(visit, by)
    language = language or settings.LANGUAGE_CODE
    if language not in LANGUAGE_CODES:
        raise ReportError(_("Choose one of the languages offered."), field="language")
    if Report.objects.filter(visit=visit).exists():
        raise ReportError(_("This visit has a report already."))
    with translation.override(language):
        title = (title or "").strip() or _("Analytical report: %(visit)s") % {"visit": visit.title}
        sections = prefilled_sections(visit)
        note = _("Drafted from the visit's data")
    with transaction.atomic():
        report = Report.objects.create(visit=visit, language=language, title=title, created_by=by)
        ReportVersion.objects.create(
            report=report, number=1, sections=sections, author=by, note=note
        )
        log_action(report, "report.created", by=by, changes={"language": language})
    forget_report(visit)
    return report


def _clean_sections(sections: dict) -> dict[str, str]:
    cleaned = {}
    for key in SECTION_KEYS:
        text = (sections.get(key) or "").replace("\r\n", "\n").strip()
        if len(text) > SECTION_MAX_LENGTH:
            raise ReportError(
                _("“%(section)s” is too long: %(max)s characters at most.")
                % {"section": SECTIONS_BY_KEY[key].title, "max": f"{SECTION_MAX_LENGTH:,}"},
                field=key,
            )
        cleaned[key] = text
    return cleaned


class StaleVersion(ReportError):
    """Someone saved a newer version since the editor was opened: nothing is overwritten."""

    def __init__(self, message, *, latest: int, edited: int):
        super().__init__(message)
        self.latest, self.edited = latest, edited


def report_save(
    *, report: Report, sections: dict, edited_version: int, by, title: str = "", note: str = ""
) -> ReportVersion | None:
    """A new version when anything changed (None when nothing did). Refused, changing nothing,
    when the version edited is no longer the latest: the page keeps the text typed."""
    _require_writer(report.visit, by)
    cleaned = _clean_sections(sections)
    with transaction.atomic():
        locked = _locked(report)
        if locked.status not in EDITABLE:
            raise ReportError(_("A published report is not edited: unpublish it first."))
        latest = latest_version(locked)
        latest_number = latest.number if latest else 0
        if edited_version != latest_number:
            raise StaleVersion(
                _(
                    "Someone saved version %(latest)s while you were editing version %(edited)s: "
                    "your text is kept below, not saved. Compare the versions, then save again."
                )
                % {"latest": latest_number, "edited": edited_version},
                latest=latest_number,
                edited=edited_version,
            )
        title = title.strip()
        if title and title != locked.title:
            log_action(locked, "report.retitled", by=by, changes={"title": [locked.title, title]})
            locked.title = report.title = title
            locked.save(update_fields=["title"])
        if latest is not None and latest.sections == cleaned:
            return None
        version = ReportVersion.objects.create(
            report=locked, number=latest_number + 1, sections=cleaned, author=by, note=note.strip()
        )
        changed = [
            key
            for key in SECTION_KEYS
            if (latest.sections if latest else {}).get(key) != cleaned[key]
        ]
        log_action(
            locked, "report.saved", by=by, changes={"version": version.number, "sections": changed}
        )
    return version


def report_send_for_check(*, report: Report, by, notify: bool = True) -> Report:
    """Draft → factual check; the visit's hosts get an e-mail with the link (unless `notify`
    is false: the demo writes 2021 and mails nobody about it today)."""
    _require_writer(report.visit, by)
    report = _move(
        report,
        to=ReportStatus.CHECK,
        allowed_from={ReportStatus.DRAFT},
        action="report.sent_for_check",
        by=by,
    )
    if notify:
        from citypeers.reports.tasks import notify_report_check  # tasks import services

        report_id = report.pk
        transaction.on_commit(lambda: notify_report_check.enqueue(report_id=report_id))
    return report


def report_back_to_draft(*, report: Report, by) -> Report:
    _require_writer(report.visit, by)
    return _move(
        report,
        to=ReportStatus.DRAFT,
        allowed_from={ReportStatus.CHECK, ReportStatus.FINAL},
        action="report.back_to_draft",
        by=by,
    )


def report_mark_final(*, report: Report, by) -> Report:
    """After the host's factual check: the text the coordinators may publish."""
    _require_writer(report.visit, by)
    return _move(
        report,
        to=ReportStatus.FINAL,
        allowed_from={ReportStatus.CHECK},
        action="report.final",
        by=by,
    )


def report_publish(
    *, report: Report, by, now: datetime.datetime | None = None, render: bool = True
) -> Report:
    """Final → published; its PDF is laid out in the background (unless `render` is false),
    so the first reader gets it from the cache."""
    _require_coordinator(report.visit, by)
    report = _move(
        report,
        to=ReportStatus.PUBLISHED,
        allowed_from={ReportStatus.FINAL},
        action="report.published",
        by=by,
        published_at=now or timezone.now(),
    )
    if render:
        from citypeers.reports.tasks import render_report_pdf  # tasks import services

        report_id = report.pk
        transaction.on_commit(lambda: render_report_pdf.enqueue(report_id=report_id))
    return report


def report_unpublish(*, report: Report, by) -> Report:
    """Back to final, off the public pages and the library, to be corrected."""
    _require_coordinator(report.visit, by)
    return _move(
        report,
        to=ReportStatus.FINAL,
        allowed_from={ReportStatus.PUBLISHED},
        action="report.unpublished",
        by=by,
        published_at=None,
    )


def report_comment_add(*, report: Report, section_key: str, body: str, by) -> ReportComment:
    """A comment on a section of the latest version: the host during the check, the writers."""
    status = Report.objects.filter(pk=report.pk).values_list("status", flat=True).first()
    in_check = status == ReportStatus.CHECK
    visit = report.visit
    if not (
        _staff(by) or writes_report_now(by, visit) or (in_check and hosts_visit_now(by, visit))
    ):
        raise ReportError(_("The host comments on the report while it is in the factual check."))
    if section_key not in SECTIONS_BY_KEY:
        raise ReportError(_("Choose the section the comment is about."), field="section_key")
    if not body.strip():
        raise ReportError(_("Write the comment."), field="body")
    version = latest_version(report)
    comment = ReportComment.objects.create(
        report=report, version=version, section_key=section_key, body=body.strip(), author=by
    )
    log_action(comment, "report.commented", by=by, changes={"section": section_key})
    return comment


def report_comment_resolve(
    *, comment: ReportComment, by, now: datetime.datetime | None = None
) -> ReportComment:
    _require_writer(comment.report.visit, by)
    if comment.resolved_at is not None:
        return comment
    comment.resolved_by, comment.resolved_at = by, now or timezone.now()
    comment.save(update_fields=["resolved_by", "resolved_at"])
    log_action(comment, "report.comment_resolved", by=by)
    return comment
