"""The team's lesson on a format, a proposal made from lessons, and its decision."""

from django import forms
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form, ModelForm
from citypeers.feedback.models import FormatLesson, MethodologyProposal

PUBLIC_HELP = _("Shown on the format's public page once the visit's agenda is public.")


class LessonForm(ModelForm):
    class Meta:
        model = FormatLesson
        fields = ["worked", "did_not_work", "would_change"]
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}
        help_texts = {"worked": PUBLIC_HELP, "did_not_work": PUBLIC_HELP}


class LessonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, lesson: FormatLesson) -> str:
        said = lesson.did_not_work or lesson.worked or lesson.would_change
        return f"{lesson.visit.title}: {said[:160]}"


class ProposalForm(ModelForm):
    lessons = LessonChoiceField(
        queryset=FormatLesson.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Lessons that motivate it"),
    )

    class Meta:
        model = MethodologyProposal
        fields = ["title", "rationale", "change", "lessons"]
        widgets = {
            "rationale": forms.Textarea(attrs={"rows": 4}),
            "change": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {"change": _("What the format's page or steps should say from now on.")}

    def __init__(self, *args, lessons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lessons"].queryset = lessons


class DecisionForm(Form):
    ADOPT, DECLINE = "adopt", "decline"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(ADOPT, _("Mark adopted")), (DECLINE, _("Decline"))],
        widget=forms.HiddenInput,  # the button pressed gives it
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Adopted: what was changed in the format. Declined: why not."),
    )
