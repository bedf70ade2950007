"""Writes about transfer action plans: the participant saves and submits their plan, updates
its steps at the six-month follow-up; the host, the expert and the coordinators comment; the
daily command records each plan mail it sent."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import FeedbackError
from citypeers.feedback.enums import PlanStatus, StepStatus
from citypeers.feedback.models import ActionPlan, ActionStep, PlanComment, PlanMailSent, StepUpdate
from citypeers.feedback.selectors.plans import follow_up_opens_on, plan_opens_on
from citypeers.feedback.services.impact import impact_changed
from citypeers.programmes.models import Visit

PLAN_TEXTS = (
    "learnt",
    "challenge",
    "adaptation",
    "stakeholders",
    "resources",
    "risks",
    "quote_to_publish",
)
PLAN_CHOICES = ("shared_with_host", "shared_with_expert", "quote_consent")
# What a submitted plan must say; a draft may say nothing yet.
REQUIRED_TO_SUBMIT = ("learnt", "challenge", "adaptation")
STEP_FIELDS = ("what", "owner", "due_on")


def plan_missing_to_submit(*, texts: dict, steps: list[dict]) -> list[str]:
    """The fields a plan still needs before it can be submitted ("steps" when it has none)."""
    missing = [name for name in REQUIRED_TO_SUBMIT if not (texts.get(name) or "").strip()]
    return missing + ([] if any(step.get("what") for step in steps) else ["steps"])


def plan_save(
    *,
    visit: Visit,
    person,
    texts: dict,
    steps: list[dict],
    submit: bool = False,
    now: datetime.datetime | None = None,
) -> ActionPlan:
    """Saves the person's plan with its steps (`id` names a step kept; a draft's steps left out
    are removed, a submitted plan's are kept); `submit` submits it, once it says enough.
    Refused before the visit's last day, whatever the page showed."""
    now = now or timezone.now()
    opens_on = plan_opens_on(visit)
    if opens_on is None or timezone.localdate(now) < opens_on:
        raise FeedbackError(_("Action plans open on the visit's last day."))
    if submit and (missing := plan_missing_to_submit(texts=texts, steps=steps)):
        raise FeedbackError(_("Fill this in before you submit the plan."), field=missing[0])
    with transaction.atomic():
        plan, created = ActionPlan.objects.select_for_update().get_or_create(
            visit=visit, person=person
        )
        changed = {}
        for name in (*PLAN_TEXTS, *PLAN_CHOICES):
            value = texts.get(name, getattr(plan, name))
            value = value.strip() if isinstance(value, str) else bool(value)
            if getattr(plan, name) != value:
                changed[name] = value
                setattr(plan, name, value)
        if submit and not plan.is_submitted:
            plan.status, plan.submitted_at = PlanStatus.SUBMITTED, now
            changed["status"] = PlanStatus.SUBMITTED
        plan.save()
        _save_steps(plan, steps)
        action = "action_plan.submitted" if "status" in changed else "action_plan.saved"
        log_action(plan, action, by=person, changes={} if created else changed)
        impact_changed(programme_id=visit.programme_id)
    return plan


def _save_steps(plan: ActionPlan, steps: list[dict]) -> None:
    existing = {step.pk: step for step in plan.steps.all()}
    kept = set()
    position = max((step.position for step in existing.values()), default=0)
    for index, data in enumerate(step for step in steps if step.get("what")):
        fields = {
            name: data.get(name) or ("" if name != "due_on" else None) for name in STEP_FIELDS
        }
        fields["what"], fields["owner"] = fields["what"].strip(), fields["owner"].strip()
        step = existing.get(data.get("id"))
        if step is None:
            position += 1
            ActionStep.objects.create(plan=plan, position=position, **fields)
            continue
        kept.add(step.pk)
        step.position = index + 1
        for name, value in fields.items():
            setattr(step, name, value)
        step.save()
    if not plan.is_submitted:
        plan.steps.exclude(pk__in=kept).filter(pk__in=existing).delete()


def plan_follow_up(
    *,
    plan: ActionPlan,
    updates: list[dict],
    new_steps: list[dict],
    by,
    now: datetime.datetime | None = None,
) -> ActionPlan:
    """The six-month follow-up: each step's status and evidence (`updates`: id, status,
    evidence, evidence_url), kept as a `StepUpdate` when they change, and new steps. Refused
    before the follow-up opens or for a plan not submitted, whatever the page showed."""
    now = now or timezone.now()
    if not plan.is_submitted:
        raise FeedbackError(_("Submit your plan first: the follow-up asks about its steps."))
    opens_on = follow_up_opens_on(plan.visit)
    if opens_on is None or timezone.localdate(now) < opens_on:
        raise FeedbackError(_("The follow-up opens six months after the visit."))
    statuses = set(StepStatus.values)
    with transaction.atomic():
        steps = {step.pk: step for step in plan.steps.select_for_update()}
        changed = 0
        for data in updates:
            step = steps.get(data.get("id"))
            if step is None or data.get("status") not in statuses:
                continue
            values = {
                "status": data["status"],
                "evidence": (data.get("evidence") or "").strip(),
                "evidence_url": (data.get("evidence_url") or "").strip(),
            }
            if all(getattr(step, name) == value for name, value in values.items()):
                continue
            for name, value in values.items():
                setattr(step, name, value)
            step.save()
            StepUpdate.objects.create(step=step, at=now, by=by, **values)
            changed += 1
        position = max((step.position for step in steps.values()), default=0)
        added = 0
        for data in new_steps:
            if not (data.get("what") or "").strip():
                continue
            position += 1
            step = ActionStep.objects.create(
                plan=plan,
                position=position,
                what=data["what"].strip(),
                owner=(data.get("owner") or "").strip(),
                due_on=data.get("due_on"),
            )
            StepUpdate.objects.create(step=step, status=step.status, at=now, by=by)
            added += 1
        plan.followed_up_at = now
        plan.save(update_fields=["followed_up_at", "updated_at"])
        log_action(
            plan,
            "action_plan.followed_up",
            by=by,
            changes={"steps_updated": changed, "added": added},
        )
        impact_changed(programme_id=plan.visit.programme_id)
    return plan


def plan_comment_add(*, plan: ActionPlan, body: str, by) -> PlanComment:
    if not body.strip():
        raise FeedbackError(_("Write the comment."), field="body")
    comment = PlanComment.objects.create(plan=plan, author=by, body=body.strip())
    log_action(comment, "action_plan.commented", by=by)
    return comment


def plan_mail_sent(*, visit: Visit, person, kind: str, now: datetime.datetime) -> PlanMailSent:
    """Records that `person` was sent the plan mail of `kind` for the visit (never again)."""
    return PlanMailSent.objects.create(visit=visit, person=person, kind=kind, sent_at=now)


def plan_invitations_queue() -> str:
    """Queues today's plan mails (invitations and follow-ups); returns the task's id."""
    from citypeers.feedback.tasks import send_plan_mails  # tasks import services

    return send_plan_mails.enqueue().id
