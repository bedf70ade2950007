"""What a visit leaves: surveys (templates, invitations, answers), transfer action plans and
their follow-up, from which the impact figures are counted. Importing this package registers
every model of the app."""

from citypeers.feedback.models.lessons import FormatLesson, MethodologyProposal
from citypeers.feedback.models.plans import (
    ActionPlan,
    ActionStep,
    PlanComment,
    PlanMailSent,
    StepUpdate,
)
from citypeers.feedback.models.surveys import Answer, Invitation, Response, Survey
from citypeers.feedback.models.templates import Question, SurveyTemplate, SurveyTemplateVersion

__all__ = [
    "ActionPlan",
    "ActionStep",
    "Answer",
    "FormatLesson",
    "Invitation",
    "MethodologyProposal",
    "PlanComment",
    "PlanMailSent",
    "Question",
    "Response",
    "StepUpdate",
    "Survey",
    "SurveyTemplate",
    "SurveyTemplateVersion",
]
