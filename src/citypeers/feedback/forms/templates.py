"""Editing a programme's survey template: its questions as a formset, moved and removed with
buttons that work without JavaScript (each submits the form; only "Save" makes a version)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form
from citypeers.core.http import whole_number
from citypeers.feedback.enums import KirkpatrickLevel, QuestionKind
from citypeers.feedback.models import SurveyTemplateVersion
from citypeers.feedback.services.templates import QuestionDraft


class TemplateForm(Form):
    introduction = forms.CharField(
        label=_("Introduction"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown above the questions."),
    )
    change_note = forms.CharField(
        label=_("What changed"),
        max_length=300,
        help_text=_("Kept with the new version, so others see why it changed."),
        error_messages={"required": _("Say what changed in a few words.")},
    )


class QuestionForm(Form):
    source = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Question"), max_length=300)
    help_text = forms.CharField(label=_("Help"), max_length=300, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=QuestionKind.choices)
    level = forms.TypedChoiceField(
        label=_("Kirkpatrick level"), choices=KirkpatrickLevel.choices, coerce=int
    )
    required = forms.BooleanField(label=_("An answer is required"), required=False)
    choices = forms.CharField(
        label=_("Choices"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For “One choice from a list”: one choice a line."),
    )

    def clean(self):
        data = super().clean()
        lines = [line.strip() for line in data.get("choices", "").splitlines() if line.strip()]
        data["choices"] = lines
        if data.get("kind") == QuestionKind.CHOICE and len(lines) < 2:
            self.add_error("choices", _("Give at least two choices, one a line."))
        return data

    def draft(self) -> QuestionDraft:
        data = self.cleaned_data
        return QuestionDraft(
            text=data["text"],
            help_text=data["help_text"],
            kind=data["kind"],
            level=data["level"],
            required=data["required"],
            choices=data["choices"] if data["kind"] == QuestionKind.CHOICE else [],
            source=data.get("source"),
        )


QuestionFormSet = forms.formset_factory(QuestionForm, extra=0, min_num=1, validate_min=True)


def initial_questions(version: SurveyTemplateVersion) -> list[dict]:
    """The version's questions as the formset's first rows, in the editor's language."""
    return [
        {
            "source": question.pk,
            "text": question.text,
            "help_text": question.help_text,
            "kind": question.kind,
            "level": question.level,
            "required": question.required,
            "choices": "\n".join(question.choices or []),
        }
        for question in version.questions.order_by("position")
    ]


EMPTY_QUESTION = {"kind": QuestionKind.TEXT, "level": KirkpatrickLevel.REACTION}


def rearranged(post, action: str) -> tuple[dict, list[dict]]:
    """The posted form after a button's `add`, `remove:N`, `up:N` or `down:N`: the template's
    fields and the question rows as initial data, so what was typed is kept without showing
    errors for a question not finished yet."""
    total = min(max(whole_number(post.get("form-TOTAL_FORMS")) or 0, 0), 100)
    names = list(QuestionForm.base_fields)
    rows = [{name: post.get(f"form-{i}-{name}", "") for name in names} for i in range(total)]
    verb, _sep, number = action.partition(":")
    index = whole_number(number)
    index = -1 if index is None else index
    if verb == "add":
        rows.append(dict.fromkeys(names, "") | EMPTY_QUESTION)
    elif verb == "remove" and 0 <= index < len(rows) and len(rows) > 1:
        rows.pop(index)
    elif verb == "up" and 0 < index < len(rows):
        rows[index - 1], rows[index] = rows[index], rows[index - 1]
    elif verb == "down" and 0 <= index < len(rows) - 1:
        rows[index + 1], rows[index] = rows[index], rows[index + 1]
    for row in rows:
        row["required"] = bool(row["required"])
    top = {"introduction": post.get("introduction", ""), "change_note": post.get("change_note", "")}
    return top, rows
