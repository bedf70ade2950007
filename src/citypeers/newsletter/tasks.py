"""The newsletter's mails, sent by the task worker: confirmation links, and an issue in
batches of BATCH subscribers, each subscriber once."""

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from citypeers.core.background import retrying_task
from citypeers.newsletter.enums import BATCH, DeliveryState
from citypeers.newsletter.models import Delivery, Issue, Subscription
from citypeers.newsletter.selectors import confirm_key, issue_items
from citypeers.newsletter.services.issues import (
    batches_needed,
    deliveries_create,
    deliveries_mark,
)
from citypeers.newsletter.texts import (
    IssueMail,
    confirmation_mail,
    issue_mail,
    items_for,
    personal_links,
)


@retrying_task
def send_confirmation(*, subscription_id: int) -> bool:
    """Mails the link that confirms a subscription (in the subscriber's first language)."""
    subscription = (
        Subscription.objects.filter(pk=subscription_id, confirmed_at__isnull=True)
        .select_related("programme")
        .first()
    )
    if subscription is None:  # confirmed or forgotten meanwhile
        return False
    language = subscription.languages[0] if subscription.languages else settings.LANGUAGE_CODE
    with translation.override(language):
        url = settings.SITE_URL + reverse("newsletter:confirm", args=[confirm_key(subscription)])
    subject, body, _language = confirmation_mail(subscription, url)
    EmailMessage(subject, body, None, [subscription.email]).send()
    return True


def unsubscribe_headers(unsubscribe_url: str) -> dict[str, str]:
    """RFC 2369 and RFC 8058: the address to unsubscribe, and that a POST there does it."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def issue_message(mail: IssueMail, subscription: Subscription) -> EmailMultiAlternatives:
    """The issue for one subscriber: text, its HTML alternative, and the unsubscribe headers."""
    personal = mail.personal(subscription)
    unsubscribe_url, _preferences = personal_links(subscription, mail.language)
    message = EmailMultiAlternatives(
        personal.subject,
        personal.text,
        None,
        [subscription.email],
        headers=unsubscribe_headers(unsubscribe_url),
    )
    message.attach_alternative(personal.html, "text/html")
    return message


@retrying_task
def queue_issue(*, issue_id: int) -> int:
    """Queues a sent issue: a delivery per subscriber, then a task per BATCH of them, all
    queued in one commit; returns how many deliveries wait. Run again (a retry), it adds no
    delivery, and the extra batch tasks find nothing left to send."""
    issue = (
        Issue.objects.select_related("programme").filter(pk=issue_id, sent_at__isnull=False).first()
    )
    if issue is None:
        return 0
    queued = deliveries_create(issue=issue)
    with transaction.atomic():
        for _n in range(batches_needed(queued)):
            send_issue_batch.enqueue(issue_id=issue.pk)
    return queued


@retrying_task(atomic=True)
def send_issue_batch(*, issue_id: int) -> int:
    """Sends the issue to the next BATCH queued subscribers (rows another worker holds are
    skipped) and records each; returns how many mails went out. The mails kept in the outbox,
    the records and the task's "done" commit together, so a retry sends nothing twice."""
    issue = (
        Issue.objects.select_related("programme")
        .prefetch_related("texts")
        .filter(pk=issue_id)
        .first()
    )
    if issue is None:
        return 0
    batch = list(
        Delivery.objects.filter(issue=issue, state=DeliveryState.QUEUED)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("subscription")
        .order_by("pk")[:BATCH]
    )
    if not batch:
        return 0
    items = issue_items(issue)
    themes = _themes_of([d.subscription_id for d in batch])
    rendered: dict[tuple, IssueMail] = {}
    sent: dict[str, list[int]] = {}
    skipped, failed, withdrawn = [], {}, []
    connection = get_connection()
    for delivery in batch:
        subscription = delivery.subscription
        if not subscription.active:  # unsubscribed or suspended since the issue was queued
            withdrawn.append(delivery.pk)
            continue
        chosen = items_for(items, themes.get(subscription.pk, set()))
        if not chosen:
            skipped.append(delivery.pk)
            continue
        key = (tuple(subscription.languages), tuple(item.pk for item in chosen))
        if key not in rendered:
            rendered[key] = issue_mail(issue, chosen, languages=subscription.languages)
        mail = rendered[key]
        message = issue_message(mail, subscription)
        message.connection = connection
        try:
            message.send()
        except Exception as error:  # the transport refused this one: logged, the rest go on
            failed[delivery.pk] = f"{type(error).__name__}: {error}"
            continue
        sent.setdefault(mail.language, []).append(delivery.pk)
    deliveries_mark(
        sent=sent, skipped=skipped, failed=failed, withdrawn=withdrawn, now=timezone.now()
    )
    return sum(len(ids) for ids in sent.values())


def _themes_of(subscription_ids: list[int]) -> dict[int, set[int]]:
    through = Subscription.themes.through.objects.filter(subscription_id__in=subscription_ids)
    themes: dict[int, set[int]] = {}
    for subscription_id, theme_id in through.values_list("subscription_id", "theme_id"):
        themes.setdefault(subscription_id, set()).add(theme_id)
    return themes
