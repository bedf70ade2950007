"""The export shown as a page: every value as a line of text a person can read."""

from django.utils.translation import gettext as _


def shown(value) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(shown(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(f"{key}: {shown(item)}" for key, item in value.items())
    return str(value)


def readable(kinds: list[dict]) -> list[dict]:
    """The export's kinds with each record as (label, text) pairs, for the page."""
    return [
        {
            **kind,
            "records": [
                [(label, shown(value)) for label, value in record.items()]
                for record in kind["records"]
            ],
        }
        for kind in kinds
    ]
