"""Subscriptions to a programme's newsletter, the issues its coordinators compose, and one
delivery per (issue, subscription): the sent log, and what keeps a mail from going twice."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from citypeers.core.languages import offered_languages
from citypeers.news.models import NewsItem
from citypeers.newsletter.enums import BounceKind, DeliveryState, ItemKind
from citypeers.programmes.models import Programme, Theme, Visit
from citypeers.reports.models import Report


class Subscription(models.Model):
    """One address subscribed to one programme's newsletter. Confirmed once its owner clicked
    the link mailed to it; mailed while confirmed and neither unsubscribed nor suspended."""

    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="newsletter_subscriptions",
    )
    email = models.EmailField(_("e-mail address"), max_length=254)
    # Empty: everything the programme sends.
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="+")
    # The languages the subscriber reads, in their order of preference.
    languages = models.JSONField(pgettext_lazy("newsletter", "languages"), default=list)
    # The consent as it was given: the wording shown and when.
    consent_text = models.TextField(_("consent given"))
    consented_at = models.DateTimeField(_("consent given at"))
    # The key of the unsubscribe and preferences links (random, never shown elsewhere).
    token = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    confirmed_at = models.DateTimeField(
        pgettext_lazy("newsletter", "confirmed"), null=True, blank=True
    )
    unsubscribed_at = models.DateTimeField(
        pgettext_lazy("newsletter", "unsubscribed"), null=True, blank=True
    )
    suspended_at = models.DateTimeField(_("suspended after bounces"), null=True, blank=True)
    hard_bounces = models.PositiveIntegerField(_("hard bounces"), default=0)
    soft_bounces = models.PositiveIntegerField(_("soft bounces"), default=0)

    class Meta:
        ordering = ["programme", "email"]
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "email"], name="newsletter_one_subscription_per_address"
            )
        ]
        indexes = [models.Index(fields=["programme", "confirmed_at"])]

    def __str__(self) -> str:
        return self.email

    @property
    def active(self) -> bool:
        return bool(self.confirmed_at and not self.unsubscribed_at and not self.suspended_at)


class Issue(models.Model):
    """An issue of a programme's newsletter: a draft until sent, then never changed."""

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="+"
    )
    # The language it was written in: what a reader of none of its languages receives.
    language = models.CharField(
        _("written in"), max_length=10, choices=offered_languages, default="en"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    # How many subscribers it was queued for; empty until the task has queued them.
    recipients = models.PositiveIntegerField(_("subscribers queued"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=pgettext_lazy("newsletter", "sent by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def __str__(self) -> str:
        return f"{self.programme_id}/{self.pk}"

    def text_for(self, languages: list[str]) -> "IssueText | None":
        """Its text in the first of `languages` it has, else in its own language, else any."""
        texts = {text.language: text for text in self.texts.all()}
        for code in [*languages, self.language]:
            if code in texts:
                return texts[code]
        return next(iter(texts.values()), None)


class IssueText(models.Model):
    """The issue's subject and introduction (markdown, sanitised when shown) in one language."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=10, choices=offered_languages)
    subject = models.CharField(_("subject"), max_length=200)
    intro = models.TextField(_("introduction"), blank=True)

    class Meta:
        ordering = ["issue", "language"]
        verbose_name = _("issue text")
        verbose_name_plural = _("issue texts")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "language"], name="newsletter_issue_text_one_per_language"
            ),
            models.CheckConstraint(condition=~Q(subject=""), name="newsletter_issue_has_a_subject"),
        ]

    def __str__(self) -> str:
        return self.subject


class IssueItem(models.Model):
    """A news item, visit or report in an issue, at its place."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("position"))
    kind = models.CharField(_("kind"), max_length=10, choices=ItemKind.choices)
    news = models.ForeignKey(NewsItem, null=True, blank=True, on_delete=models.CASCADE)
    visit = models.ForeignKey(Visit, null=True, blank=True, on_delete=models.CASCADE)
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.CASCADE)

    class Meta:
        ordering = ["issue", "position", "pk"]
        verbose_name = _("issue item")
        verbose_name_plural = _("issue items")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(kind=ItemKind.NEWS, news__isnull=False, visit=None, report=None)
                    | Q(kind=ItemKind.VISIT, visit__isnull=False, news=None, report=None)
                    | Q(kind=ItemKind.REPORT, report__isnull=False, news=None, visit=None)
                ),
                name="newsletter_item_is_what_its_kind_says",
            )
        ]

    def __str__(self) -> str:
        return f"{self.issue_id} #{self.position} {self.kind}"


class Delivery(models.Model):
    """The issue for one subscriber: queued when the issue is sent, then sent, failed or
    skipped. Unique per (issue, subscription), so a retried task or a second worker finds the
    row already sent and sends nothing twice."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="deliveries"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=DeliveryState.choices, default=DeliveryState.QUEUED
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    error = models.CharField(_("error"), max_length=300, blank=True)
    bounce = models.CharField(
        pgettext_lazy("newsletter", "bounce"), max_length=10, choices=BounceKind.choices, blank=True
    )

    class Meta:
        ordering = ["issue", "pk"]
        verbose_name = pgettext_lazy("newsletter", "delivery")
        verbose_name_plural = pgettext_lazy("newsletter", "deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscription"], name="newsletter_one_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["issue", "state"])]

    def __str__(self) -> str:
        return f"{self.issue_id} → {self.subscription_id}: {self.state}"
