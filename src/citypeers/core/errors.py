"""Errors a person can cause; views turn them into a message at the field or form."""


class CitypeersError(Exception):
    """Base for errors with a translatable message meant for the person who caused them."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


class MembershipError(CitypeersError):
    pass


class PlaceError(CitypeersError):
    pass


class PracticeError(CitypeersError):
    pass


class ThemeError(CitypeersError):
    pass


class MethodologyError(CitypeersError):
    """A format or template change that would make the methodology inconsistent."""


class VisitError(CitypeersError):
    pass


class CallError(CitypeersError):
    pass


class FeedbackError(CitypeersError):
    """A survey, its template, an answer, an action plan, a lesson or a proposal the feedback
    app refuses: an answer off the survey, its anonymity once sent, sending it twice, a plan
    not yet open."""


class ReportError(CitypeersError):
    """A report change the workflow or a concurrent save refuses."""


class BackupError(CitypeersError):
    """A backup that cannot be made, or an archive `citypeers restore` refuses: unreadable,
    changed since it was made, from the other database vendor or from newer code."""
