"""The participant's plan with its rows of steps, the follow-up's rows, and a comment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form, ModelForm
from citypeers.feedback.enums import StepStatus
from citypeers.feedback.models import ActionPlan, ActionStep
from citypeers.feedback.services.plans import plan_missing_to_submit

TEXT_AREA = {"rows": 4}


class PlanForm(ModelForm):
    class Meta:
        model = ActionPlan
        fields = [
            "learnt",
            "challenge",
            "adaptation",
            "stakeholders",
            "resources",
            "risks",
            "shared_with_host",
            "shared_with_expert",
            "quote_to_publish",
            "quote_consent",
        ]
        widgets = {
            name: forms.Textarea(attrs=TEXT_AREA)
            for name in ("learnt", "challenge", "adaptation", "stakeholders", "resources", "risks")
        } | {"quote_to_publish": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "learnt": _("The host's practice, and what you take from it."),
            "challenge": _("The problem in your own city this should help with."),
            "adaptation": _("What you will do differently from the host, and why."),
            "stakeholders": _("Who must take part or agree: services, partners, residents."),
            "shared_with_host": _(
                "The host reads your plan once you submit it, and may comment on it."
            ),
            "shared_with_expert": _(
                "The visit's expert reads your plan once you submit it, and may comment on it."
            ),
            "quote_to_publish": _("A sentence or two on what the visit changed for you."),
            "quote_consent": _("The programme may show it on its impact pages, with your name."),
        }


class StepForm(Form):
    """A step of the plan; a row left empty is ignored."""

    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    what = forms.CharField(label=_("What"), max_length=300, required=False)
    owner = forms.CharField(label=_("Who (a person or a unit)"), max_length=200, required=False)
    due_on = forms.DateField(
        label=_("By when"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if (data.get("owner") or data.get("due_on")) and not data.get("what"):
            self.add_error("what", _("Say what the step is, or clear its row."))
        return data


MAX_STEPS = 30
StepFormSet = forms.formset_factory(StepForm, extra=1, max_num=MAX_STEPS, absolute_max=MAX_STEPS)


def step_initial(plan: ActionPlan | None) -> list[dict]:
    if plan is None:
        return []
    return [
        {"id": s.pk, "what": s.what, "owner": s.owner, "due_on": s.due_on} for s in plan.steps.all()
    ]


def steps_of(formset) -> list[dict]:
    """The rows filled in, in order."""
    return [form.cleaned_data for form in formset.forms if form.cleaned_data.get("what")]


def with_one_more_row(data, prefix: str):
    """The posted data with one more (empty) row in the formset `prefix`: "Add a step"."""
    data = data.copy()
    key = f"{prefix}-TOTAL_FORMS"
    typed = str(data.get(key, ""))
    rows = int(typed) if typed.isascii() and typed.isdigit() and len(typed) < 4 else 0
    data[key] = str(min(rows + 1, MAX_STEPS))
    return data


class StepFollowUpForm(ModelForm):
    """A step's status and evidence at the follow-up."""

    evidence_url = forms.URLField(
        label=_("Link to evidence"), required=False, max_length=500, assume_scheme="https"
    )

    class Meta:
        model = ActionStep
        fields = ["status", "evidence", "evidence_url"]
        labels = {"status": _("Where it stands")}
        widgets = {"evidence": forms.Textarea(attrs={"rows": 2})}
        help_texts = {
            "evidence": _("What shows it: a decision, a budget line, a report, figures."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = StepStatus.choices


class CommentForm(Form):
    body = forms.CharField(
        label=_("Your comment"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


def require_for_submission(form, steps: list[dict]) -> None:
    """Puts at their fields what a plan still lacks to be submitted; a draft needs nothing."""
    for name in plan_missing_to_submit(texts=form.cleaned_data, steps=steps):
        if name == "steps":
            form.add_error(None, _("Add at least one step before you submit the plan."))
        else:
            form.add_error(name, _("Fill this in before you submit the plan."))
