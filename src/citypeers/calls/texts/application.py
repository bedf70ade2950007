"""One application as its page shows it: every answer in words, and its history in sentences.

Headings speak of the applicant in the third person (the readers are coordinators and
reviewers). `blind` (a reviewer of a blind review) leaves out every name and organisation."""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from citypeers.calls.models import Application, Question
from citypeers.core import dates
from citypeers.core.models import AuditEntry
from citypeers.people.models import spoken_language_choices


@dataclass(frozen=True)
class Answer:
    label: str
    text: str
    long: bool = False


@dataclass(frozen=True)
class Event:
    at: datetime
    text: str
    who: str = ""


def answer_rows(application: Application, questions: list[Question]) -> list[Answer]:
    """The standard answers, then the call's own questions (files are listed apart)."""
    languages = dict(spoken_language_choices())
    rows = [
        Answer(_("Role in their organisation"), application.role),
        Answer(_("What they want to learn"), application.learning_needs, long=True),
        Answer(_("What they can share with others"), application.expertise, long=True),
        Answer(_("A challenge from their own city"), application.challenge, long=True),
        Answer(_("Why they want to take part"), application.motivation, long=True),
        Answer(
            _("Languages they can take part in"),
            ", ".join(languages.get(code, code) for code in application.languages),
        ),
        Answer(_("Access needs"), application.access_needs, long=True),
    ]
    for question in questions:
        if question.kind != Question.Kind.FILE:
            value = application.answers.get(str(question.pk), "")
            long = question.kind == Question.Kind.LONG_TEXT
            rows.append(Answer(question.label, _answer_text(value, question), long=long))
    return rows


CHOICE_KINDS = {Question.Kind.SINGLE_CHOICE, Question.Kind.MULTIPLE_CHOICE}


def _answer_text(value, question: Question) -> str:
    """An answer in words, a choice by its label in the reader's language."""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if question.kind in CHOICE_KINDS and isinstance(value, str):
        return question.choice_label(value)
    if question.kind in CHOICE_KINDS and isinstance(value, list):
        value = [question.choice_label(item) for item in value]
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return "" if value is None else str(value)


def history_rows(
    entries: list[AuditEntry], application: Application, *, blind: bool, names: bool
) -> list[Event]:
    """Each audit entry as a sentence; `names`: say who acted (coordinators read it),
    `blind`: say nothing of the applicant's organisation."""
    events, sent = [], False
    for entry in entries:
        if entry.action == "application.submitted":
            text = _("Changed and sent again") if sent else _("Sent")
            sent = True
        else:
            text = _event_text(entry, blind=blind)
        if text is None:
            continue
        events.append(Event(entry.at, text, _who(entry, application, names=names)))
    return events


def _who(entry: AuditEntry, application: Application, *, names: bool) -> str:
    if entry.actor_id is None:
        return _("the platform") if entry.action.startswith("selection.") else ""
    if entry.actor_id == application.applicant_id:
        return _("the applicant")
    return str(entry.actor) if names else ""


def _event_text(entry: AuditEntry, *, blind: bool) -> str | None:
    changes = entry.changes or {}
    action = entry.action
    if action == "application.draft_saved":
        return None  # drafts before the first sending say nothing a reader needs
    if action == "application.eligibility":
        decision = changes.get("decision")
        if decision == "rules":
            return _("Eligibility left to the rules")
        verdict = _("eligible") if decision == "eligible" else _("not eligible")
        return _("Eligibility decided by hand: %(verdict)s. Why: %(reason)s") % {
            "verdict": verdict,
            "reason": changes.get("reason") or "—",
        }
    if action == "application.affiliation_changed":
        if blind:
            return _("The applicant's organisation changed since sending")
        return _("Organisation changed since sending: %(change)s") % {
            "change": changes.get("organisation", "")
        }
    if action == "review.scored":
        return _("A review was completed") if changes.get("complete") else _("Scores were saved")
    if action in {"selection.pin", "selection.exclude"}:
        decided = (
            _("Placed by hand in the selection")
            if action == "selection.pin"
            else _("Left out of the selection by hand")
        )
        return _("%(decided)s. Why: %(reason)s") % {
            "decided": decided,
            "reason": changes.get("reason") or "—",
        }
    if action == "selection.none":
        return _("The selection's decision by hand was withdrawn")
    if action == "selection.published":
        return _("The call's decisions were published")
    texts = {
        "application.withdrawn": _("Withdrawn"),
        "review.conflict_declared": _(
            "A reviewer declared a conflict of interest and stepped back"
        ),
        "review.assignment_ended": _("A review ended unfinished: its reviewer left the programme"),
        "host.selected": _("Chosen as host: the visit was created"),
        "selection.confirmed": _("The place was confirmed"),
        "selection.declined": _("The place was declined"),
        "selection.lapsed": _("The place lapsed: no answer in time"),
        "selection.offered": _("Offered a place freed by a decline"),
        "selection.place_open": _("The place it freed went to nobody on the waiting list"),
    }
    return texts.get(action, action)


def _own_fields(application: Application) -> list[tuple[str, str, str]]:
    """(key, label, text) of each field the applicant filled in, as they read it: "you"."""
    languages = dict(spoken_language_choices())
    rows = [
        ("role", _("Your role in your organisation"), application.role),
        ("learning_needs", _("What you want to learn"), application.learning_needs),
        ("expertise", _("What you can share with others"), application.expertise),
        ("challenge", _("A challenge from your own city"), application.challenge),
        ("motivation", _("Why you want to take part"), application.motivation),
        (
            "languages",
            _("Languages you can take part in"),
            ", ".join(str(languages.get(code, code)) for code in application.languages),
        ),
        ("access_needs", _("Access needs"), application.access_needs),
    ]
    if application.call.type == application.call.Type.HOSTS:
        rows += [
            (
                "practice",
                _("The good practice the visit would show"),
                str(application.practice or ""),
            ),
            ("proposed_mode", _("Proposed mode"), application.get_proposed_mode_display()),
            ("proposed_from", _("Could host from"), _date(application.proposed_from)),
            ("proposed_until", _("Could host until"), _date(application.proposed_until)),
            ("proposed_topic", _("Proposed topic"), application.proposed_topic),
        ]
    return rows


def _date(value) -> str:
    return dates.format_date(value, "long") if value else ""


def receipt_rows(application: Application, questions: list[Question]) -> list[Answer]:
    """Everything the applicant sent, for their copy: the standard answers (empty ones said
    so), the call's own questions and their answers; files and ranked visits are listed apart."""
    rows = [
        Answer(label, text or _("(no answer)")) for _key, label, text in _own_fields(application)
    ]
    for question in questions:
        if question.kind != Question.Kind.FILE:
            value = _answer_text(application.answers.get(str(question.pk), ""), question)
            rows.append(Answer(question.label, value or _("(no answer)")))
    return rows


def changed_labels(
    application: Application, questions: list[Question], keys: list[str]
) -> list[str]:
    """What a new sending changed, in words, in the order of the form; `keys` as
    `calls.services.applications.application_save` names them."""
    labels = {key: label for key, label, _text in _own_fields(application)}
    labels |= {
        "organisation": _("Your organisation"),
        "preferences": _("The visits you ranked"),
        "status": _("It is sent again after its withdrawal"),
    }
    for question in questions:
        prefix = "file" if question.kind == Question.Kind.FILE else "answer"
        labels[f"{prefix}:{question.pk}"] = question.label
    order = list(labels)
    known = sorted((key for key in set(keys) if key in labels), key=order.index)
    return [labels[key] for key in known]
