"""What the 2021 visits left behind, written through the feedback services: their surveys
(a pulse each day, the end of the visit, the host's feedback, the follow-up six months on)
with answers from most participants, transfer action plans from about half of them, each
followed up six months later, the team's lessons per format, and two methodology proposals
made from them (one adopted, one open). The 2027 Tampere visit has its surveys scheduled.

No mail: the 2021 surveys are invited and marked sent at the hour they went out in 2021 through
the services the send task uses, without the task (which would mail about 2,000 people into the
outbox); the daily runs never pick them up (their visits ended long ago, their surveys closed).
Numbers vary by visit, drawn from each visit's own seed, the same at every load.

Idempotent: a visit whose surveys were sent, whose plans or lessons exist, is left as it is.
"""

import datetime
import random

from django.db.models import Q

from citypeers.demo.feedback_texts import FORMAT_LESSONS, PROPOSALS, VISIT_FACTS, VisitFacts
from citypeers.demo.history import entries_dated, last_entry
from citypeers.feedback.enums import Moment, QuestionKind, StepStatus
from citypeers.feedback.models import (
    ActionPlan,
    FormatLesson,
    MethodologyProposal,
    Survey,
)
from citypeers.feedback.selectors.answering import choice_stored, questions_of, sessions_to_rate
from citypeers.feedback.selectors.evidence import held_sessions
from citypeers.feedback.selectors.plans import follow_up_opens_on
from citypeers.feedback.selectors.surveys import survey_audience
from citypeers.feedback.services.answering import AnswerDraft, response_submit
from citypeers.feedback.services.lessons import lesson_save, proposal_adopt, proposal_create
from citypeers.feedback.services.plans import plan_follow_up, plan_save
from citypeers.feedback.services.surveys import (
    invitations_create,
    invitations_mark_sent,
    survey_mark_sent,
    surveys_schedule,
)
from citypeers.methodology.models import ActivityFormat
from citypeers.people.models import User
from citypeers.programmes.models import VISIT_TEAM_ROLES, Visit
from citypeers.visits.selectors.roster import roster_of

HOUR, DAY = datetime.timedelta(hours=1), datetime.timedelta(days=1)
# How a session's format sits against the visit's average rating: the lively formats a little
# above it, the long listening ones below (the 2021 analytical documents say as much).
FORMAT_BIAS = {
    "virtual-tour": 0.4,
    "peer-review-clinic": 0.3,
    "transfer-lab": 0.2,
    "solution-workshop": 0.1,
    "host-context-presentation": -0.2,
    "daily-reflection": -0.3,
    "energiser": -0.4,
}


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), datetime.UTC)


def feedback_demo_load(visits: list[Visit], *, coordinator: User, demo_participant: User) -> None:
    """The 2021 `visits`' feedback, plans and lessons, then the proposals made from them."""
    for visit in visits:
        mark = last_entry()
        demo = _VisitFeedback(visit, coordinator, demo_participant)
        demo.surveys()
        demo.plans()
        demo.lessons()
        entries_dated(mark, demo.dated)
    _proposals(coordinator)


def feedback_demo_schedule(visit: Visit, *, coordinator: User) -> None:
    """The coming `visit`'s surveys placed on its agenda (the daily run sends them on time)."""
    surveys_schedule(visit=visit, by=coordinator)


class _VisitFeedback:
    def __init__(self, visit: Visit, coordinator: User, demo_participant: User):
        self.visit, self.coordinator = visit, coordinator
        self.rng = random.Random(f"feedback-{visit.slug}")  # noqa: S311 - a demo draw
        self.facts: VisitFacts = VISIT_FACTS[visit.slug]
        self.host = visit.host_place.name
        self.people = sorted(
            (entry.user for entry in roster_of(visit) if entry.is_participant),
            key=lambda user: str(user).lower(),
        )
        self.demo_participant = demo_participant
        self.rate = self.rng.uniform(0.55, 0.9)  # the visit's response rate
        self.mood = self.rng.uniform(3.5, 4.5)  # the visit's average rating
        self.last_day = visit.ends_on or visit.starts_on
        self.times: dict[tuple[str, str], datetime.datetime] = {}  # (action, object id) → when

    def dated(self, entry) -> datetime.datetime | None:
        return self.times.get((entry.action, entry.object_id))

    # Surveys ---------------------------------------------------------------------------------

    def surveys(self) -> None:
        if Survey.objects.filter(visit=self.visit, sent_at__isnull=False).exists():
            return
        scheduled_at = _at(self.visit.starts_on - 7 * DAY, 8)
        surveys_schedule(visit=self.visit, by=self.coordinator, now=scheduled_at)
        for survey in Survey.objects.filter(visit=self.visit).select_related("version"):
            self._sent(survey)
            self.times[("survey.scheduled", str(survey.pk))] = scheduled_at
            self.times[("survey.sent", str(survey.pk))] = survey.send_at
            self._answered(survey)
        Survey.objects.filter(visit=self.visit).update(created_at=scheduled_at)

    def _sent(self, survey: Survey) -> None:
        """Invited and marked sent as the task does, at the hour it went out, without mail."""
        invitations_create(survey=survey, people=survey_audience(survey))
        ids = list(survey.invitations.values_list("pk", flat=True))
        invitations_mark_sent(invitation_ids=ids, now=survey.send_at)
        survey_mark_sent(survey=survey, now=survey.send_at)

    def _answered(self, survey: Survey) -> None:
        invitations = list(survey.invitations.select_related("person").order_by("pk"))
        # The follow-up six months on is answered a little less; a day's pulse varies by day.
        rate = self.rate - (0.1 if survey.moment == Moment.FOLLOW_UP else 0)
        rate += self.rng.uniform(-0.05, 0.05) if survey.moment == Moment.DAILY_PULSE else 0
        rate = min(max(rate, 0.55), 0.9)
        answering = self.rng.sample(invitations, round(rate * len(invitations)))
        questions = questions_of(survey)
        sessions = list(sessions_to_rate(survey))
        for invitation in answering:
            drafts = [
                draft
                for question in questions
                for draft in self._answers(question, sessions, survey.moment)
            ]
            at = survey.send_at + self.rng.uniform(1, 24 * 6) * HOUR
            response_submit(invitation=invitation, answers=drafts, now=at)

    def _rating(self, bias: float = 0.0) -> int:
        return min(5, max(1, round(self.rng.gauss(self.mood + bias, 0.8))))

    def _answers(self, question, sessions, moment: str) -> list[AnswerDraft]:
        kind, rng = question.kind, self.rng
        if kind == QuestionKind.RATING:
            bias = -0.4 if question.key == "confidence" else 0.0
            return [AnswerDraft(question=question, number=self._rating(bias))]
        if kind == QuestionKind.SESSION_RATINGS:
            return [
                AnswerDraft(
                    question=question,
                    session_id=session.pk,
                    number=self._rating(FORMAT_BIAS.get(session.format.slug, 0.0)),
                )
                for session in sessions
                if rng.random() < 0.9  # a session someone missed is left unrated
            ]
        if kind == QuestionKind.BEFORE_AFTER:
            before = rng.choice([1, 2, 2, 3, 3])
            after = min(5, before + rng.choice([0, 1, 1, 2, 2]))
            return [AnswerDraft(question=question, number_before=before, number=after)]
        if kind == QuestionKind.CHOICE:
            return [AnswerDraft(question=question, choice=self._choice(question))]
        text = self._text(question.key, moment) if rng.random() < 0.6 else ""
        return [AnswerDraft(question=question, text=text)] if text else []

    def _choice(self, question) -> str:
        weights = {
            "recommend": [8, 3, 1],
            "organisation-change": [3, 4, 2, 1],
            "in-touch": [2, 5, 3],
        }.get(question.key, [1] * len(question.choices))
        index = self.rng.choices(range(len(weights)), weights=weights)[0]
        return choice_stored(question, index)

    def _text(self, key: str, moment: str) -> str:
        facts, host, pick = self.facts, self.host, self.rng.choice
        texts = {
            "learnt-today": [
                f"How {host} went about {facts.idea}.",
                f"That {facts.practice} started small and grew with the people involved.",
            ],
            "change-tomorrow": [
                "More time in the small groups, please.",
                "Shorter breaks between sessions: the day felt long on screen.",
                "",
            ],
            "will-apply": [f"{facts.step}.", f"The idea of {facts.idea}."],
            "improve": [
                "Share the materials before each session.",
                "Fewer presentations, more time to talk to the host's team.",
                "A short break in the middle of each session.",
            ],
            "quote": [f"{host} showed me what {facts.practice} can do for a city like mine."],
            "will-change": [
                "We will answer the peers' recommendations in our next work plan.",
                f"We will explain {facts.practice} with more examples for newcomers.",
            ],
            "applied": [f"{facts.step}: a first meeting took place.", f"{facts.step}."],
            "barriers": [f"{facts.barrier.capitalize()}.", "Elections slowed everything down."],
            "results": [
                "A decision of the city board to go on with a pilot.",
                "An article in the local newspaper about our first event.",
            ],
        }
        if moment == Moment.HOST and key == "improve":
            return pick(["More help with the technical side.", "An earlier agenda."])
        return pick(texts.get(key, [""]))

    # Transfer action plans -------------------------------------------------------------------

    def plans(self) -> None:
        if ActionPlan.objects.filter(visit=self.visit).exists():
            return
        writers = self.rng.sample(self.people, round(self.rng.uniform(0.4, 0.6) * len(self.people)))
        if self.demo_participant in self.people and self.demo_participant not in writers:
            writers[0] = self.demo_participant  # the demo log-in finds a plan followed up
        for person in sorted(writers, key=lambda user: user.pk):
            plan = self._plan_written(person)
            self._plan_followed_up(plan, person)

    def _plan_written(self, person: User) -> ActionPlan:
        rng, facts = self.rng, self.facts
        written = _at(self.last_day + rng.randint(1, 20) * DAY, rng.randint(8, 17))
        steps = [
            {"what": facts.step, "owner": "Me", "due_on": self.last_day + 60 * DAY},
            {"what": "Present the idea to our director", "owner": "Me and my head of unit"},
            {"what": "Find a partner organisation to test it with", "owner": "Culture unit"},
            {"what": "Apply for funding for a pilot", "owner": "Funding officer"},
        ][: rng.randint(2, 4)]
        for number, step in enumerate(steps[1:], start=2):
            step["due_on"] = self.last_day + number * 45 * DAY
        quote = ""
        if rng.random() < 0.08:
            quote = f"The visit to {self.host} gave our team the courage to try {facts.practice}."
        plan = plan_save(
            visit=self.visit,
            person=person,
            texts={
                "learnt": f"How {self.host} went about {facts.idea}.",
                "challenge": f"We want to do more with our heritage, but face {facts.barrier}.",
                "adaptation": f"{facts.step}, on a smaller scale first: we are a smaller team.",
                "stakeholders": "Our culture and planning departments, local associations.",
                "resources": "Staff time; a small budget for events.",
                "risks": facts.barrier.capitalize() + ".",
                "shared_with_host": rng.random() < 0.5,
                "quote_to_publish": quote,
                "quote_consent": bool(quote),
            },
            steps=steps,
            submit=True,
            now=written,
        )
        ActionPlan.objects.filter(pk=plan.pk).update(created_at=written, updated_at=written)
        self.times[("action_plan.submitted", str(plan.pk))] = written
        return plan

    def _plan_followed_up(self, plan: ActionPlan, person: User) -> None:
        rng = self.rng
        at = _at(follow_up_opens_on(self.visit) + rng.randint(0, 12) * DAY, rng.randint(8, 17))
        if rng.random() < 0.2:  # some never came back to their plan
            return
        updates = []
        for step in plan.steps.order_by("position"):
            status = rng.choices(
                [StepStatus.DONE, StepStatus.IN_PROGRESS, StepStatus.PLANNED, StepStatus.DROPPED],
                weights=[4, 3, 1, 2],
            )[0]
            evidence, link = "", ""
            if status == StepStatus.DONE:
                evidence = rng.choice(
                    [
                        "Minutes of the meeting, approved by the board.",
                        "Our press release about it.",
                        "The report we presented to the council.",
                    ]
                )
                link = f"https://www.example.org/{self.visit.slug}/plan-{plan.pk}-step-{step.pk}"
            elif status == StepStatus.DROPPED:
                evidence = f"Dropped for now: {self.facts.barrier}."
            updates.append(
                {"id": step.pk, "status": status, "evidence": evidence, "evidence_url": link}
            )
        plan_follow_up(plan=plan, updates=updates, new_steps=[], by=person, now=at)
        ActionPlan.objects.filter(pk=plan.pk).update(updated_at=at)
        self.times[("action_plan.followed_up", str(plan.pk))] = at

    # Lessons ---------------------------------------------------------------------------------

    def lessons(self) -> None:
        if FormatLesson.objects.filter(visit=self.visit).exists():
            return
        used = set(held_sessions(self.visit).values_list("format__slug", flat=True))
        # The host writes them where the visit has one on the platform, else the coordinator.
        team = [
            entry.user for entry in roster_of(self.visit) if set(entry.roles) & VISIT_TEAM_ROLES
        ]
        author = next((user for user in team if user != self.coordinator), self.coordinator)
        written = _at(self.last_day + 3 * DAY, 15)
        for activity in ActivityFormat.objects.filter(slug__in=used & set(FORMAT_LESSONS)):
            worked, did_not_work, would_change = (
                text.format(host=self.host, practice=self.facts.practice)
                for text in FORMAT_LESSONS[activity.slug]
            )
            if self.rng.random() < 0.3:  # not every visit met every difficulty
                did_not_work = ""
            lesson = lesson_save(
                visit=self.visit,
                activity=activity,
                worked=worked,
                did_not_work=did_not_work,
                would_change=would_change,
                by=author,
                today=self.last_day + 3 * DAY,
            )
            FormatLesson.objects.filter(pk=lesson.pk).update(created_at=written, updated_at=written)
            self.times[("lesson.saved", str(lesson.pk))] = written


def _proposals(coordinator: User) -> None:
    """The coordinator's proposals from the lessons on one format each: the first adopted in
    the autumn of 2021, the second still open."""
    proposed_at = datetime.datetime(2021, 9, 15, 10, tzinfo=datetime.UTC)
    decided_at = proposed_at + 30 * DAY
    for slug, title, why, change, adopted in PROPOSALS:
        if MethodologyProposal.objects.filter(title=title).exists():
            continue
        mark = last_entry()
        activity = ActivityFormat.objects.get(slug=slug)
        on_format = FormatLesson.objects.filter(format=activity).order_by("visit__starts_on")
        lessons = list(on_format.filter(~Q(did_not_work=""))[:4]) or list(on_format[:4])
        proposal = proposal_create(
            activity=activity,
            title=title,
            rationale=why,
            change=change,
            lessons=lessons,
            by=coordinator,
        )
        if adopted:
            proposal_adopt(proposal=proposal, note=adopted, by=coordinator, now=decided_at)
        MethodologyProposal.objects.filter(pk=proposal.pk).update(created_at=proposed_at)
        entries_dated(
            mark, lambda entry: decided_at if entry.action == "proposal.adopted" else proposed_at
        )
