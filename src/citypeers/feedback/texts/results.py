"""Survey results as people download them: the raw answers, one row each."""

from django.utils.translation import gettext_lazy as _

COLUMNS = [
    ("visit", _("Visit")),
    ("survey", _("Survey")),
    ("day", _("Day")),
    ("response", _("Response")),
    ("pseudonym", _("Pseudonym")),
    ("question_key", _("Question key")),
    ("question", _("Question")),
    ("session", _("Session")),
    ("rating", _("Rating")),
    ("before", _("Before")),
    ("choice", _("Choice")),
    ("text", _("Text")),
]


def answers_export(rows: list[dict], *, pseudonymous: bool) -> tuple[list[str], list[list]]:
    """Headers and rows; the pseudonym column only where some survey is pseudonymous (an
    anonymous survey's export names nobody, not even by a pseudonym)."""
    columns = [(key, label) for key, label in COLUMNS if pseudonymous or key != "pseudonym"]
    headers = [str(label) for _key, label in columns]
    return headers, [[row[key] for key, _label in columns] for row in rows]
