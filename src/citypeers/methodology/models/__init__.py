"""The methodology as data: activity formats, and visit templates kept as immutable versions.

Texts are translated (core.translated): each text keeps every language in one JSON object, and
reading `format.name` gives the reader's language, or English.
A template is edited by saving a new version; visits keep the version they were planned with.
"""

from citypeers.methodology.models.formats import ActivityFormat, FormatStep
from citypeers.methodology.models.templates import (
    AgendaItemTemplate,
    StepTemplate,
    TemplateVersion,
    VisitTemplate,
)

__all__ = [
    "ActivityFormat",
    "AgendaItemTemplate",
    "FormatStep",
    "StepTemplate",
    "TemplateVersion",
    "VisitTemplate",
]
