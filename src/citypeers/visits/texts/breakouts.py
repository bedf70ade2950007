"""Breakout groups as files: Zoom's pre-assignment CSV, and a table for CSV/XLSX/JSON.

Rounds and groups are counted from 0 in `visits.breakouts` and shown from 1 here.
"""

import csv
import io

from django.utils.translation import gettext as _
from django_countries import countries

from citypeers.core.http import export_response
from citypeers.visits.breakouts import Kind, Person, Rounds

# Zoom reads its import by these exact column names, whatever the language of the page.
ZOOM_HEADER = ("Pre-assign Room Name", "Email Address")


def room_name(round_index: int, group_index: int) -> str:
    return _("Round %(round)s · Group %(group)s") % {
        "round": round_index + 1,
        "group": group_index + 1,
    }


def zoom_csv(rounds: Rounds, *, round_index: int) -> str:
    """One round's rooms for Zoom's "Import from CSV": one row per person with an e-mail
    address, rooms named "Round 1 · Group 2". Zoom keeps a single set of pre-assignments per
    meeting (a person in one room), so each round's meeting gets its own file; people without
    an address are left out (`without_email` names them, to be placed by hand)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ZOOM_HEADER)
    for g, group in enumerate(rounds.groups[round_index]):
        writer.writerows((room_name(round_index, g), p.email) for p in group if _usable(p))
    return out.getvalue()


def _usable(person: Person) -> bool:
    """An address Zoom can match, written as it is: one a spreadsheet would read as a formula
    (valid, but starting with = + - @) is left for placing by hand instead of being altered."""
    return bool(person.email) and not person.email.startswith(("=", "+", "-", "@"))


def without_email(rounds: Rounds, *, round_index: int) -> list[Person]:
    """The people of a round whom Zoom cannot pre-assign: no e-mail address, or one that a
    spreadsheet would run as a formula."""
    return [p for group in rounds.groups[round_index] for p in group if not _usable(p)]


def kind_label(kind: Kind) -> str:
    return {
        Kind.PARTICIPANT: _("Participant"),
        Kind.FACILITATOR: _("Facilitator"),
        Kind.INTERPRETER: _("Interpreter"),
    }[kind]


def table_headers() -> list[str]:
    return [_("Round"), _("Group"), _("Name"), _("Role"), _("Organisation"), _("Country")]


def table_rows(rounds: Rounds) -> list[tuple]:
    """One row per person per round: round and group from 1, the country by its name."""
    return [
        (
            r + 1,
            g + 1,
            p.name,
            kind_label(p.kind),
            p.organisation,
            countries.name(p.country) if p.country else "",
        )
        for r, row in enumerate(rounds.groups)
        for g, group in enumerate(row)
        for p in group
    ]


def groups_export_response(rounds: Rounds, *, export_format: str, filename: str):
    """The table as a download (csv, xlsx or json), formula-like text kept inert."""
    return export_response(
        headers=table_headers(),
        rows=table_rows(rounds),
        filename=filename,
        export_format=export_format,
    )


def shown_rounds(rounds: Rounds, rooms: dict[int, str] | None = None) -> list[dict]:
    """Each round's groups for a page, counted from 1: each person's name, what they do there
    ("facilitator", "interprets for …", else ""), and their country's name; with `rooms` (by
    group index), the group's room."""
    rooms = rooms or {}
    names = {p.key: p.name for p in rounds.people}
    return [
        {
            "number": r + 1,
            "groups": [
                {
                    "number": g + 1,
                    "join_url": rooms.get(g, ""),
                    "people": [
                        (
                            p.name,
                            _seat_note(p, names),
                            countries.name(p.country) if p.country else "",
                        )
                        for p in group
                    ],
                }
                for g, group in enumerate(row)
            ],
            "without_email": [p.name for p in without_email(rounds, round_index=r)],
        }
        for r, row in enumerate(rounds.groups)
    ]


def _seat_note(person: Person, names: dict[str, str]) -> str:
    if person.kind == Kind.FACILITATOR:
        return _("facilitator")
    if person.kind == Kind.INTERPRETER:
        return _("interprets for %(name)s") % {"name": names.get(person.with_key, "")}
    return ""


def zoom_filename(slug: str, session_pk: int, round_index: int) -> str:
    return f"{slug}-session-{session_pk}-round-{round_index + 1}-zoom.csv"
