"""A session's attendance as the team downloads it: one row per person of the visit."""

from django.utils.translation import gettext as _

from citypeers.core.dates import format_datetime


def attendance_export(rows: list, *, zone: str) -> tuple[list[str], list[tuple]]:
    """Headers and rows of the download, times in the visit's zone (named in each cell)."""
    headers = [
        _("Name"),
        _("Roles"),
        _("E-mail address"),
        _("Attendance"),
        _("Marked at"),
        _("Marked by"),
        _("Checked in by themselves"),
    ]
    table = []
    for row in rows:
        mark = row.attendance
        table.append(
            (
                str(row.entry.user),
                ", ".join(str(role.label) for role in row.entry.roles),
                row.entry.user.email,
                mark.get_status_display() if mark else _("not marked"),
                format_datetime(mark.at, zone, "short") if mark else "",
                str(mark.marked_by or "") if mark else "",
                (_("yes") if mark.self_checked else _("no")) if mark else "",
            )
        )
    return headers, table
