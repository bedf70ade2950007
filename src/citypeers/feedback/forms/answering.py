"""The survey a person answers: one field per question, a radio group per rating."""

from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django import forms
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeers.core.forms import Form
from citypeers.feedback.enums import RATING_MAX, RATING_MIN, QuestionKind
from citypeers.feedback.models import Question
from citypeers.feedback.selectors.answering import choice_stored
from citypeers.feedback.services.answering import AnswerDraft
from citypeers.visits.models import AgendaSession
from citypeers.visits.selectors.agenda import visit_zone

RATINGS = [(str(n), str(n)) for n in range(RATING_MIN, RATING_MAX + 1)]


def _rating(label: str, *, required: bool, help_text: str = "") -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=RATINGS,
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
        help_text=help_text,
        error_messages={"required": gettext_lazy("Choose a rating from 1 to 5.")},
    )


@dataclass
class QuestionBlock:
    """A question and its fields: one, or two (before, after), or one per session."""

    question: Question
    fields: list
    label: str

    @property
    def grouped(self) -> bool:
        return self.question.kind in {QuestionKind.BEFORE_AFTER, QuestionKind.SESSION_RATINGS}


class AnswerForm(Form):
    def __init__(self, *args, questions: list[Question], sessions: list[AgendaSession], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions, self.sessions = questions, sessions
        self._zone = ZoneInfo(visit_zone(sessions[0].visit)) if sessions else None
        self._names: dict[int, list[str]] = {}
        for question in questions:
            self._names[question.pk] = list(self._add_fields(question))

    def _label(self, question: Question) -> str:
        if question.required:
            return _("%(question)s (required)") % {"question": question.text}
        return question.text

    def _add_fields(self, question: Question):
        name, label, kind = f"q{question.pk}", self._label(question), question.kind
        if kind == QuestionKind.RATING:
            self.fields[name] = _rating(
                label, required=question.required, help_text=question.help_text
            )
            yield name
        elif kind == QuestionKind.BEFORE_AFTER:
            for part, part_label in (
                ("before", _("Before the visit")),
                ("after", _("After the visit")),
            ):
                self.fields[f"{name}_{part}"] = _rating(part_label, required=question.required)
                yield f"{name}_{part}"
        elif kind == QuestionKind.SESSION_RATINGS:
            for session in self.sessions:
                when = date_format(localtime(session.starts_at, self._zone), "D j M, H:i")
                self.fields[f"{name}_s{session.pk}"] = _rating(
                    f"{session.shown_title} ({when})", required=False
                )
                yield f"{name}_s{session.pk}"
        elif kind == QuestionKind.CHOICE:
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=[(str(i), text) for i, text in enumerate(question.choices)],
                coerce=int,
                empty_value=None,
                required=question.required,
                widget=forms.RadioSelect,
                help_text=question.help_text,
                error_messages={"required": gettext_lazy("Choose one of the answers.")},
            )
            yield name
        else:
            self.fields[name] = forms.CharField(
                label=label,
                required=question.required,
                max_length=5000,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=question.help_text,
                error_messages={"required": gettext_lazy("Write an answer to this question.")},
            )
            yield name

    def blocks(self) -> list[QuestionBlock]:
        return [
            QuestionBlock(q, [self[name] for name in self._names[q.pk]], self._label(q))
            for q in self.questions
            if self._names[q.pk]
        ]

    def answers(self) -> list[AnswerDraft]:
        """The cleaned answers as the service takes them."""
        data, drafts = self.cleaned_data, []
        for question in self.questions:
            name = f"q{question.pk}"
            if question.kind == QuestionKind.RATING:
                drafts.append(AnswerDraft(question, number=data.get(name)))
            elif question.kind == QuestionKind.BEFORE_AFTER:
                drafts.append(
                    AnswerDraft(
                        question,
                        number_before=data.get(f"{name}_before"),
                        number=data.get(f"{name}_after"),
                    )
                )
            elif question.kind == QuestionKind.SESSION_RATINGS:
                for session in self.sessions:
                    number = data.get(f"{name}_s{session.pk}")
                    drafts.append(AnswerDraft(question, session_id=session.pk, number=number))
            elif question.kind == QuestionKind.CHOICE:
                index = data.get(name)
                choice = choice_stored(question, index) if index is not None else ""
                drafts.append(AnswerDraft(question, choice=choice))
            else:
                drafts.append(AnswerDraft(question, text=data.get(name, "").strip()))
        return drafts
