"""Attendance of a visit's sessions: the self check-in link and its time window, and the
sheet the team marks (the visit's people, each with their mark for the session)."""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.utils.crypto import constant_time_compare

from citypeers.visits.models import AgendaSession, Attendance
from citypeers.visits.selectors.roster import RosterPerson, roster_of

# A participant checks in from this long before the session starts until it ends, and is
# counted late past this long after its start.
CHECK_IN_OPENS_BEFORE = datetime.timedelta(minutes=15)
LATE_AFTER = datetime.timedelta(minutes=10)
_SALT = "citypeers.visits.check_in"


def check_in_signature(session: AgendaSession) -> str:
    """The secret part of a session's check-in link (the same for everyone, for the session's
    life): signed with SECRET_KEY, so nobody guesses another session's."""
    return signing.Signer(salt=_SALT).signature(f"session-{session.pk}")


def check_in_signature_valid(session: AgendaSession, signature: str) -> bool:
    return constant_time_compare(check_in_signature(session), signature)


@dataclass(frozen=True)
class CheckInWindow:
    opens: datetime.datetime
    late_after: datetime.datetime
    closes: datetime.datetime

    def state(self, now: datetime.datetime) -> str:
        """ "early", "on_time", "late" or "closed"."""
        if now < self.opens:
            return "early"
        if now >= self.closes:
            return "closed"
        return "late" if now > self.late_after else "on_time"


def check_in_window(session: AgendaSession) -> CheckInWindow:
    return CheckInWindow(
        opens=session.starts_at - CHECK_IN_OPENS_BEFORE,
        late_after=session.starts_at + LATE_AFTER,
        closes=session.ends_at,
    )


def attendance_of(session: AgendaSession, person) -> Attendance | None:
    return Attendance.objects.filter(session=session, person=person).first()


@dataclass(frozen=True)
class AttendanceRow:
    entry: RosterPerson
    attendance: Attendance | None  # None: not marked yet


def attendance_sheet(session: AgendaSession) -> list[AttendanceRow]:
    """Everyone on the session's visit (the roster's order), with their mark if they have one;
    a person marked who has since left the roster is not listed."""
    marks = {
        mark.person_id: mark
        for mark in Attendance.objects.filter(session=session).select_related("marked_by")
    }
    return [
        AttendanceRow(entry=entry, attendance=marks.get(entry.user.pk))
        for entry in roster_of(session.visit)
    ]
