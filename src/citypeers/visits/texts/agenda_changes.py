"""What the mail about a changed agenda says of each change: the session as it was and as it
is, for the template to show in the reader's zone."""

import datetime
from dataclasses import dataclass

from citypeers.visits.models import AgendaChange


@dataclass(frozen=True)
class ChangeLine:
    summary: str  # the session's name now
    starts: datetime.datetime
    ends: datetime.datetime
    was_starts: datetime.datetime
    was_ends: datetime.datetime
    was_summary: str  # "" unless it was renamed
    moved: bool
    room_changed: bool
    cancelled: bool


def change_lines(changes: list[AgendaChange]) -> list[ChangeLine]:
    """One line per change, in the order they were made."""
    return [
        ChangeLine(
            summary=change.after["summary"],
            starts=datetime.datetime.fromisoformat(change.after["starts"]),
            ends=datetime.datetime.fromisoformat(change.after["ends"]),
            was_starts=datetime.datetime.fromisoformat(change.before["starts"]),
            was_ends=datetime.datetime.fromisoformat(change.before["ends"]),
            was_summary=change.before["summary"] if "summary" in change.fields else "",
            moved=bool({"starts", "ends"} & set(change.fields)),
            room_changed=bool({"location", "url"} & set(change.fields)),
            cancelled="cancelled" in change.fields and change.after["cancelled"],
        )
        for change in changes
    ]
