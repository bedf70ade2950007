"""Writes about issues: composing a draft, sending it (once), and the sent log the task keeps."""

import datetime
import math

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.newsletter.enums import BATCH, DeliveryState, ItemKind
from citypeers.newsletter.errors import NewsletterError
from citypeers.newsletter.models import Delivery, Issue, IssueItem, IssueText
from citypeers.newsletter.selectors import active_subscriptions
from citypeers.newsletter.services.subscriptions import subscriptions_prune_unconfirmed
from citypeers.programmes.models import Programme

FIELD_OF_KIND = {ItemKind.NEWS: "news", ItemKind.VISIT: "visit", ItemKind.REPORT: "report"}


def issue_save(
    *,
    programme: Programme,
    texts: dict[str, tuple[str, str]],
    language: str,
    items: list[tuple[str, object]],
    by,
    issue: Issue | None = None,
) -> Issue:
    """Creates or rewrites a draft: its subject and introduction by language (`texts`:
    language -> (subject, intro); the `language` it is written in must be there) and its items
    (kind, object) in this order. A sent issue is what its readers received: refused."""
    if not texts.get(language, ("", ""))[0]:
        raise NewsletterError(_("Give the subject in the language it is written in."))
    with transaction.atomic():
        if issue is None:
            issue = Issue(programme=programme, created_by=by)
            action = "newsletter.issue_created"
        else:
            issue = Issue.objects.select_for_update().get(pk=issue.pk, programme=programme)
            if issue.sent_at is not None:
                raise NewsletterError(_("This issue is sent: it cannot be changed any more."))
            action = "newsletter.issue_changed"
        issue.language = language
        issue.save()
        IssueText.objects.filter(issue=issue).delete()
        IssueText.objects.bulk_create(
            IssueText(issue=issue, language=code, subject=subject, intro=intro)
            for code, (subject, intro) in texts.items()
            if subject
        )
        IssueItem.objects.filter(issue=issue).delete()
        IssueItem.objects.bulk_create(
            IssueItem(issue=issue, position=n, kind=kind, **{FIELD_OF_KIND[kind]: obj})
            for n, (kind, obj) in enumerate(items, start=1)
        )
        subjects = {code: subject for code, (subject, _intro) in texts.items() if subject}
        log_action(issue, action, by=by, changes={"subject": subjects, "items": len(items)})
    return issue


def issue_send(*, issue: Issue, by, now: datetime.datetime | None = None) -> int:
    """Marks the issue sent and queues the task that queues it for every confirmed, active
    subscriber (`deliveries_create`, then a task per BATCH); returns how many subscribers
    that is now. The coordinator's request stays short whatever the audience. Sending twice
    is refused (the lock and the sent time make two clicks one). Unconfirmed subscriptions
    past their time are forgotten first."""
    from citypeers.newsletter.tasks import queue_issue  # tasks import services

    now = now or timezone.now()
    with transaction.atomic():
        locked = Issue.objects.select_for_update().get(pk=issue.pk)
        if locked.sent_at is not None:
            raise NewsletterError(_("This issue is sent already."))
        if not locked.items.exists():
            raise NewsletterError(_("Add at least one item before sending the issue."))
        subscriptions_prune_unconfirmed(now=now)
        locked.sent_at, locked.sent_by = now, by
        locked.save(update_fields=["sent_at", "sent_by"])
        audience = active_subscriptions(locked.programme).count()
        log_action(locked, "newsletter.issue_sent", by=by, changes={"subscribers": audience})
        transaction.on_commit(lambda: queue_issue.enqueue(issue_id=locked.pk))
    return audience


def deliveries_create(*, issue: Issue) -> int:
    """A queued delivery for each confirmed, active subscriber of the sent issue, once (run
    again, it adds none: unique per subscriber); records and returns how many are queued."""
    with transaction.atomic():
        ids = active_subscriptions(issue.programme).values_list("pk", flat=True)
        Delivery.objects.bulk_create(
            (Delivery(issue=issue, subscription_id=pk) for pk in ids.iterator(chunk_size=2000)),
            ignore_conflicts=True,
            batch_size=1000,
        )
        total = Delivery.objects.filter(issue=issue).count()
        Issue.objects.filter(pk=issue.pk).update(recipients=total)
        queued = Delivery.objects.filter(issue=issue, state=DeliveryState.QUEUED).count()
    return queued


def batches_needed(queued: int) -> int:
    return math.ceil(queued / BATCH)


def deliveries_mark(
    *,
    sent: dict[str, list[int]],
    skipped: list[int],
    failed: dict[int, str],
    now: datetime.datetime,
    withdrawn: list[int] = (),
) -> None:
    """Records what a batch did: sent (by language), skipped (nothing for their themes),
    failed (with the transport's error); the deliveries of those who unsubscribed (or were
    suspended) after the issue was queued are dropped: they are no longer its readers. Only
    queued rows change: a row is sent once."""
    queued = Delivery.objects.filter(state=DeliveryState.QUEUED)
    if withdrawn:
        queued.filter(pk__in=withdrawn).delete()
    for language, ids in sent.items():
        queued.filter(pk__in=ids).update(state=DeliveryState.SENT, sent_at=now, language=language)
    if skipped:
        queued.filter(pk__in=skipped).update(state=DeliveryState.SKIPPED)
    for pk, error in failed.items():
        queued.filter(pk=pk).update(state=DeliveryState.FAILED, error=error[:300])
