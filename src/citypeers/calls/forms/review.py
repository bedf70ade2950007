"""Review forms: the rubric, a reviewer's scores, a declared conflict."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeers.calls.models import Criterion
from citypeers.core.forms import Form, ModelForm


class CriterionForm(ModelForm):
    class Meta:
        model = Criterion
        fields = ["name", "description", "scale_max", "weight"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}


CriterionFormSet = forms.modelformset_factory(
    Criterion, form=CriterionForm, extra=1, can_delete=True, can_order=True, max_num=20
)


class ScoreForm(Form):
    """One score (0 to the criterion's maximum) and a comment per criterion."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                help_text=criterion.description,
                coerce=int,
                choices=[(n, str(n)) for n in range(criterion.scale_max + 1)],
                widget=forms.RadioSelect(attrs={"class": "scale"}),
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def scores(self) -> dict:
        return {
            criterion: (
                self.cleaned_data[f"score_{criterion.pk}"],
                self.cleaned_data[f"comment_{criterion.pk}"],
            )
            for criterion in self.criteria
        }


class ConflictForm(Form):
    note = forms.CharField(
        label=gettext_lazy("Your conflict of interest, in a few words"),
        max_length=300,
        help_text=gettext_lazy(
            "For the coordinators only. The application goes to another reviewer."
        ),
    )
