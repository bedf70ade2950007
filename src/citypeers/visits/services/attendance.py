"""Attendance of a session: a participant's own check-in, and the team's marks."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import VisitError
from citypeers.visits.enums import AttendanceStatus
from citypeers.visits.models import AgendaSession, Attendance
from citypeers.visits.selectors.attendance import check_in_window

ATTENDED = {AttendanceStatus.PRESENT, AttendanceStatus.LATE}


def attendance_check_in(
    *, session: AgendaSession, person, now: datetime.datetime | None = None
) -> Attendance:
    """Marks the person present (late past ten minutes after the start) from fifteen minutes
    before the session to its end; checking in again keeps the first check-in."""
    now = now or timezone.now()
    if session.cancelled_at is not None:
        raise VisitError(_("This session was cancelled: there is nothing to check in to."))
    state = check_in_window(session).state(now)
    if state == "early":
        raise VisitError(_("Check-in opens 15 minutes before the session starts. Come back then."))
    if state == "closed":
        raise VisitError(_("This session is over: ask its facilitator to mark your attendance."))
    status = AttendanceStatus.LATE if state == "late" else AttendanceStatus.PRESENT
    with transaction.atomic():
        attendance, created = Attendance.objects.select_for_update().get_or_create(
            session=session,
            person=person,
            defaults={"status": status, "marked_by": person, "at": now, "self_checked": True},
        )
        if not created and attendance.status not in ATTENDED:
            attendance.status, attendance.marked_by, attendance.at = status, person, now
            attendance.self_checked = True
            attendance.save()
        elif not created:
            return attendance
        log_action(session, "attendance.checked_in", by=person, changes={"status": status})
    return attendance


def attendance_mark(
    *,
    session: AgendaSession,
    person,
    status: str,
    by,
    now: datetime.datetime | None = None,
) -> Attendance:
    """The team's mark for a person, replacing any earlier one (their own check-in too)."""
    status = AttendanceStatus(status)
    with transaction.atomic():
        attendance, _created = Attendance.objects.update_or_create(
            session=session,
            person=person,
            defaults={
                "status": status,
                "marked_by": by,
                "at": now or timezone.now(),
                "self_checked": False,
            },
        )
        log_action(
            session,
            "attendance.marked",
            by=by,
            changes={"person": str(person), "status": status},
        )
    return attendance
