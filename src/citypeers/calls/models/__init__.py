"""Open calls and the applications made to them, their review and their selection.

A call's closing time is stored in UTC and shown in the call's own zone and the viewer's.
Answers to a call's own questions are kept as JSON keyed by question id, next to the fields
every participant application has. Importing this package registers every model of the app.
"""

from citypeers.calls.models.application import Application, ApplicationFile, Preference
from citypeers.calls.models.call import Call, Question
from citypeers.calls.models.review import Conflict, Criterion, ReviewAssignment, Score
from citypeers.calls.models.selection import SelectionOverride, SelectionRun

__all__ = [
    "Application",
    "ApplicationFile",
    "Call",
    "Conflict",
    "Criterion",
    "Preference",
    "Question",
    "ReviewAssignment",
    "Score",
    "SelectionOverride",
    "SelectionRun",
]
