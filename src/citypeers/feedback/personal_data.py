"""What feedback keeps about a person: their action plans (steps, updates, comments), the
comments they wrote on others' plans, the survey invitations sent to them and the lessons and
proposals they wrote. Survey answers are pseudonymous (`Response.pseudonym`): nothing ties them
to a person. Registered by `FeedbackConfig.ready()` into `people.personal_data`."""

from django.utils.translation import gettext_lazy as _

from citypeers.feedback.models import (
    ActionPlan,
    ActionStep,
    FormatLesson,
    Invitation,
    MethodologyProposal,
    PlanComment,
    PlanMailSent,
)
from citypeers.feedback.services.plans import PLAN_CHOICES, PLAN_TEXTS
from citypeers.people.enums import LegalBasis
from citypeers.people.models import User
from citypeers.people.personal_data import (
    PersonalData,
    deleted,
    kept,
    personal_data_register,
    records,
)

PLAN_FIELDS = ["visit", *PLAN_TEXTS, *PLAN_CHOICES, "status", "created_at", "submitted_at"]


def _plans(user: User) -> list[dict]:
    plans = ActionPlan.objects.filter(person=user).select_related("visit")
    steps = ActionStep.objects.filter(plan__person=user).select_related("plan__visit")
    comments = PlanComment.objects.filter(author=user).select_related("plan__visit")
    return (
        records(plans, PLAN_FIELDS)
        + records(
            steps, ["plan__visit", "what", "owner", "due_on", "status", "evidence", "evidence_url"]
        )
        + records(comments, ["plan__visit", "body", "created_at"])
    )


def _plans_erase(user: User) -> list:
    PlanMailSent.objects.filter(person=user).delete()
    comments = deleted(PlanComment.objects.filter(author=user))
    return comments + deleted(ActionPlan.objects.filter(person=user))  # steps with them


def _contributions(user: User) -> list[dict]:
    invitations = Invitation.objects.filter(person=user).select_related("survey")
    lessons = FormatLesson.objects.filter(author=user).select_related("visit", "format")
    proposals = MethodologyProposal.objects.filter(proposed_by=user).select_related("format")
    return (
        records(invitations, ["survey", "sent_at", "answered"])
        + records(lessons, ["visit", "format", "worked", "did_not_work", "would_change"])
        + records(proposals, ["format", "title", "rationale", "change", "status", "created_at"])
    )


PLANS = PersonalData(
    key="feedback.plans",
    name=_("Your action plans"),
    what=_(
        "What you learnt, your challenge, how you will adapt what you saw, with whom, "
        "resources, risks, your steps and their evidence, comments, and a quote you may let "
        "the programme publish."
    ),
    purpose=_("Helping you turn a visit into change at home, and following it up."),
    legal_basis=LegalBasis.CONTRACT,
    who_sees=_("You, and the host and expert of the visit if you share it with them."),
    export=_plans,
    erase=_plans_erase,
    retention_text=_("As long as your account; erased with it."),
)

CONTRIBUTIONS = PersonalData(
    key="feedback.contributions",
    name=_("Surveys, lessons and proposals"),
    what=_(
        "The surveys you were invited to and whether you answered (your answers are not "
        "linked to you), the lessons you wrote about activity formats and your proposals "
        "to change the methodology."
    ),
    purpose=_("Learning what works, and improving the methodology."),
    legal_basis=LegalBasis.LEGITIMATE_INTEREST,
    who_sees=_("The programme's coordinators; lessons and proposals: the methodology's editors."),
    export=_contributions,
    erase=kept,
    retention_text=_("As long as the programme's record; on erasure, they stay without your name."),
)


def register() -> None:
    personal_data_register(PLANS)
    personal_data_register(CONTRIBUTIONS)
