"""Surveys sent on a visit, the personal invitations to answer them, and the answers.

Anonymity is kept by the schema, not by discretion: an anonymous `Response` has no link to
its `Invitation` or person, no time, and a random id (so neither the ids nor the default order
follow the order of answering); its invitation only says `answered`, without a time. A
pseudonymous response keeps `pseudonym`, a keyed digest of the person and the visit, so one
person's answers at the end of the visit and six months later can be compared."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from citypeers.feedback.enums import Anonymity, Audience, Moment
from citypeers.feedback.models.templates import Question, SurveyTemplateVersion
from citypeers.programmes.models import Visit
from citypeers.visits.models import AgendaSession


class Survey(models.Model):
    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="surveys"
    )
    version = models.ForeignKey(
        SurveyTemplateVersion,
        verbose_name=_("questions"),
        on_delete=models.PROTECT,
        related_name="surveys",
    )
    moment = models.CharField(_("moment"), max_length=12, choices=Moment.choices)
    audience = models.CharField(_("audience"), max_length=12, choices=Audience.choices)
    day = models.PositiveSmallIntegerField(_("day"), default=0)  # pulses: from 1; else 0
    anonymity = models.CharField(
        _("answers are"), max_length=12, choices=Anonymity.choices, default=Anonymity.ANONYMOUS
    )
    send_at = models.DateTimeField(_("sent from"))  # UTC; the task queue sends it then
    closes_at = models.DateTimeField(_("closes"))
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["visit", "send_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["visit", "moment", "audience", "day"],
                name="survey_one_per_visit_moment_day",
            )
        ]
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")

    def __str__(self) -> str:
        return f"{self.visit} · {self.get_moment_display()}"


class Invitation(models.Model):
    """A person's invitation to answer a survey, through a link only they can use."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="survey_invitations",
    )
    key = models.CharField(max_length=64, unique=True)  # random; the link carries it, signed
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    reminders_sent = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    last_reminded_at = models.DateTimeField(_("last reminded"), null=True, blank=True)
    answered = models.BooleanField(_("answered"), default=False)  # never when: see the module

    class Meta:
        ordering = ["survey", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["survey", "person"], name="invitation_one_per_person")
        ]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return f"{self.person} → {self.survey}"


class Response(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    pseudonym = models.CharField(_("pseudonym"), max_length=32, blank=True)  # pseudonymous only

    class Meta:
        ordering = ["survey", "id"]  # random: not the order of answering
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return f"{self.survey} · {self.pseudonym or _('anonymous')}"


class Answer(models.Model):
    """One question's answer in a response; a session rating has one per session."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    session = models.ForeignKey(
        AgendaSession, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    number = models.PositiveSmallIntegerField(null=True, blank=True)  # a rating; "after"
    number_before = models.PositiveSmallIntegerField(null=True, blank=True)
    choice = models.CharField(max_length=200, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        ordering = ["response", "question__position", "session__starts_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"],
                condition=Q(session__isnull=True),
                name="answer_one_per_question",
            ),
            models.UniqueConstraint(
                fields=["response", "question", "session"],
                condition=Q(session__isnull=False),
                name="answer_one_per_question_and_session",
            ),
        ]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return f"{self.question}: {self.number or self.choice or self.text[:40]}"
