"""A visit's delivery: the plan it was made from, its tasks, its agenda, the resources and
breakout groups of its sessions, the answers to its pre-visit questionnaire, whom its
interpreters interpret for, who attended and the reminders sent.

The visit itself (identity, host, dates) is `programmes.Visit`; this app adds what the
methodology produced for it. The plan keeps the template version it was made with, so later
edits of the template never change a planned visit. Importing this package registers every
model of the app.
"""

from citypeers.visits.models.agenda import AgendaSession
from citypeers.visits.models.attendance import Attendance, VisitReminder
from citypeers.visits.models.breakouts import BreakoutPlan, BreakoutSeat
from citypeers.visits.models.feeds import AgendaChange, CalendarFeed
from citypeers.visits.models.interpreting import Interpreting
from citypeers.visits.models.plans import VisitPlan
from citypeers.visits.models.questionnaire import QuestionnaireAnswer
from citypeers.visits.models.recommendations import Recommendation
from citypeers.visits.models.resources import SessionResource
from citypeers.visits.models.tasks import VisitTask

__all__ = [
    "AgendaChange",
    "AgendaSession",
    "Attendance",
    "BreakoutPlan",
    "BreakoutSeat",
    "CalendarFeed",
    "Interpreting",
    "QuestionnaireAnswer",
    "Recommendation",
    "SessionResource",
    "VisitPlan",
    "VisitReminder",
    "VisitTask",
]
