"""Editing a visit template: its figures, its steps and its agenda, saved as a new version.

Texts are edited in the site's current language, as for formats (see `formats.FormatForm`).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form, ModelForm
from citypeers.methodology.enums import PHASES, ROLES, Anchor, DayKind
from citypeers.methodology.models import ActivityFormat, TemplateVersion
from citypeers.methodology.models.templates import VERSION_FIGURES
from citypeers.methodology.selectors.translated_texts import untranslated_default

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


class StepForm(Form):
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
    return [
        {
            "key": step.key,
            "phase": step.phase,
            "role": step.role,
            "anchor": step.anchor,
            "offset_days": step.offset_days,
            **{
                name: untranslated_default(step, name, language)
                for name in ("title", "deliverable", "checklist")
            },
        }
        for step in version.steps.order_by("phase", "position")
    ]


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
