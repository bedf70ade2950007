"""Editing a visit template: its figures, its steps and its agenda, saved as a new version.

The steps' texts are edited in one language at a time, chosen on the page: every language of
~40 steps of 3 texts would be thousands of inputs (more than Django takes in one post). Beside
them stands the text to translate from (English, else the step's first language).
"""

from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form, ModelForm
from citypeers.core.languages import offered_languages, own_name
from citypeers.core.translated import text_in, translations_of
from citypeers.methodology.enums import PHASES, ROLES, Anchor, DayKind
from citypeers.methodology.models import ActivityFormat, StepTemplate, TemplateVersion
from citypeers.methodology.models.templates import STEP_TEXTS, VERSION_FIGURES

# Selects start empty, so a blank row left at the end of a list stays blank when submitted.
EMPTY = [("", "—")]


class VersionForm(ModelForm):
    note = forms.CharField(
        label=_("What changed, in a sentence"),
        max_length=300,
        help_text=_("Shown in the list of versions, so others know why."),
    )

    class Meta:
        model = TemplateVersion
        fields = VERSION_FIGURES
        widgets = {
            "session_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "first_day_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean(self):
        cleaned = super().clean()
        low, usual, high = (cleaned.get(f) for f in ("min_days", "default_days", "max_days"))
        if None not in (low, usual, high) and not low <= usual <= high:
            self.add_error(
                "default_days",
                _("The usual number of days must lie between the fewest and the most."),
            )
        return cleaned


@dataclass(frozen=True)
class StepReference:
    """A step's texts in the language to translate from, shown read-only beside the inputs."""

    language: str
    language_name: str
    title: str
    deliverable: str
    checklist: str


class StepForm(Form):
    """A step, its texts in `language`; `initial["reference"]` (a StepReference) is what
    stands beside them."""

    key = forms.CharField(widget=forms.HiddenInput, required=False)
    phase = forms.TypedChoiceField(
        label=_("Phase"),
        coerce=int,
        choices=EMPTY + [(phase.number, f"{phase.number}. {phase.name}") for phase in PHASES],
    )
    title = forms.CharField(label=_("Step"), max_length=200)
    role = forms.ChoiceField(
        label=_("Responsible"), choices=EMPTY + [(r.key, r.name) for r in ROLES]
    )
    offset_days = forms.IntegerField(
        label=_("Days from it"),
        min_value=-730,
        max_value=730,
        help_text=_("Negative: before. 0: that very day."),
    )
    anchor = forms.ChoiceField(label=_("Counted from"), choices=EMPTY + Anchor.choices)
    deliverable = forms.CharField(label=_("Deliverable"), max_length=200, required=False)
    checklist = forms.CharField(
        label=_("Checklist"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One item a line."),
    )

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.reference = self.initial.get("reference")
        if self.is_bound and self.data.get(self.add_prefix("key")) != self.initial.get("key"):
            self.reference = None  # the row posted is not the step shown (a tampered key)
        for name in STEP_TEXTS:
            self.fields[name].widget.attrs["lang"] = language
        # A step written in another language may stay untranslated in this one; a new step,
        # or the language it is written in, needs its title.
        self.fields["title"].required = self.reference is None


class AgendaItemForm(Form):
    key = forms.CharField(widget=forms.HiddenInput, required=False)
    day = forms.ChoiceField(label=_("Day"), choices=EMPTY + DayKind.choices)
    format = forms.ModelChoiceField(label=_("Format"), queryset=ActivityFormat.objects.all())
    minutes = forms.IntegerField(label=_("Minutes"), min_value=5, max_value=600)
    leave_out = forms.IntegerField(
        label=_("Left out when time is short"),
        required=False,
        min_value=0,
        max_value=20,
        help_text=_("0 or empty: always kept; 1 is left out first, then 2."),
    )

    def clean(self):
        cleaned = super().clean()
        activity, minutes = cleaned.get("format"), cleaned.get("minutes")
        if activity and minutes and not activity.min_minutes <= minutes <= activity.max_minutes:
            self.add_error(
                "minutes",
                _("%(format)s takes %(low)s to %(high)s minutes.")
                % {
                    "format": activity.name,
                    "low": activity.min_minutes,
                    "high": activity.max_minutes,
                },
            )
        return cleaned


StepFormSet = forms.formset_factory(StepForm, extra=1, can_delete=True, max_num=120)
AgendaFormSet = forms.formset_factory(AgendaItemForm, extra=1, can_delete=True, max_num=60)


def step_initial(version: TemplateVersion, language: str) -> list[dict]:
    """The version's steps with their texts in `language` (empty where not translated) and
    the reference beside them."""
    names = dict(offered_languages())
    return [
        {
            "key": step.key,
            "phase": step.phase,
            "role": step.role,
            "anchor": step.anchor,
            "offset_days": step.offset_days,
            **{name: text_in(step, name, language) for name in STEP_TEXTS},
            "reference": step_reference(step, language, names),
        }
        for step in version.steps.order_by("phase", "position")
    ]


def step_reference(step: StepTemplate, language: str, names: dict) -> StepReference | None:
    """The step's texts in English, else in its title's first language; None when that is
    the language edited."""
    written = step.title.languages
    code = (
        settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in written else next(iter(written), None)
    )
    if code is None or code == language:
        return None
    texts = {name: translations_of(step, name).get(code, "") for name in STEP_TEXTS}
    return StepReference(code, names.get(code) or own_name(code) or code, **texts)


def agenda_initial(version: TemplateVersion) -> list[dict]:
    order = {kind: number for number, kind in enumerate(DayKind.values)}
    items = sorted(version.agenda.all(), key=lambda item: (order[item.day], item.position))
    return [
        {
            "key": item.key,
            "day": item.day,
            "format": item.format_id,
            "minutes": item.minutes,
            "leave_out": item.leave_out,
        }
        for item in items
    ]
