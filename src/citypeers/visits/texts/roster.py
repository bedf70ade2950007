"""A visit's roster as the team reads and downloads it: roles and languages by name, one
row per person."""

from django.utils.translation import gettext as _

from citypeers.people.models import spoken_language_choices


def language_names(codes: list[str]) -> str:
    """The languages by name in the reader's language, in the person's order."""
    names = dict(spoken_language_choices())
    return ", ".join(names.get(code, code) for code in codes)


def roster_export(roster: list) -> tuple[list[str], list[tuple]]:
    """Headers and rows of the team's download: everything the roster page shows them."""
    headers = [
        _("Name"),
        _("Roles"),
        _("Organisation"),
        _("City"),
        _("Country"),
        _("Languages"),
        _("Time zone"),
        _("E-mail address"),
        _("Access and practical needs"),
        _("Challenge"),
        _("Shared with the participants"),
        _("Questionnaire answered"),
    ]
    rows = [
        (
            str(entry.user),
            ", ".join(str(role.label) for role in entry.roles),
            str(entry.organisation or ""),
            entry.city,
            entry.country.name if entry.country else "",
            language_names(entry.languages),
            str(entry.user.time_zone),
            entry.user.email,
            "; ".join(entry.access_needs),
            entry.challenge,
            _("yes") if entry.shares else _("no"),
            _("yes") if entry.answer else _("no"),
        )
        for entry in roster
    ]
    return headers, rows
