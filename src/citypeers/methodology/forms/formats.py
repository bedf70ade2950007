"""Activity formats in forms: the list's filters, and a format's figures, texts and steps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form, ModelForm
from citypeers.core.translated import translations_of
from citypeers.methodology.enums import Mode, SessionRole
from citypeers.methodology.models import ActivityFormat, FormatStep
from citypeers.methodology.models.formats import FORMAT_TEXTS


class FormatFilterForm(Form):
    """The format list's GET parameters; a wrong value is shown at its field and ignored."""

    mode = forms.ChoiceField(
        label=_("Mode"), required=False, choices=[("", _("Any mode")), *Mode.choices]
    )
    group_size = forms.IntegerField(
        label=_("People taking part"), required=False, min_value=2, max_value=1000
    )
    duration = forms.IntegerField(
        label=_("Minutes available"), required=False, min_value=5, max_value=600
    )

    def filters(self) -> dict:
        self.is_valid()
        return {
            name: self.cleaned_data[name]
            for name in self.fields
            if name not in self.errors and self.cleaned_data.get(name)
        }


REQUIRED_TEXTS = {"name", "summary", "purpose", "when"}


class FormatForm(ModelForm):
    """A format's figures and its texts in every language side by side
    (core.translated_forms), with labels in plain words. A required text needs one language."""

    modes = forms.MultipleChoiceField(
        label=_("Works"), choices=Mode.choices, widget=forms.CheckboxSelectMultiple
    )
    roles = forms.MultipleChoiceField(
        label=_("Roles needed"), choices=SessionRole.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = ActivityFormat
        fields = [
            "stage",
            "modes",
            "roles",
            "min_group",
            "max_group",
            "min_minutes",
            "max_minutes",
            "default_minutes",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The texts are added here, not in Meta.fields, so validating the form leaves the
        # instance's texts alone: format_save compares them with what was typed.
        for name in FORMAT_TEXTS:
            model_field = ActivityFormat._meta.get_field(name)
            field = model_field.formfield()
            field.required = name in REQUIRED_TEXTS
            if model_field.multiline:
                field.help_text = _("Markdown: lists start with -, **bold**.")
            self.fields[name] = field
            self.initial[name] = translations_of(self.instance, name)
        self.order_fields(["name", "summary", *self.Meta.fields])

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("min_group"), cleaned.get("max_group")
        if low and high and low > high:
            self.add_error("max_group", _("The largest group cannot be smaller than the smallest."))
        low, usual, high = (
            cleaned.get(f) for f in ("min_minutes", "default_minutes", "max_minutes")
        )
        if None not in (low, usual, high) and not low <= usual <= high:
            self.add_error(
                "default_minutes",
                _("The usual length must lie between the shortest and the longest."),
            )
        return cleaned

    def texts(self) -> dict[str, dict]:
        """Every text's translations as typed, in the offered languages."""
        return {name: self.cleaned_data[name] for name in FORMAT_TEXTS}


class FormatStepForm(Form):
    """A step: its minutes and what happens, in every language; `id` names the stored step, so
    a step deleted above it does not hand its translations to the next one."""

    id = forms.IntegerField(widget=forms.HiddenInput, required=False)
    minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=600)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made here: the side-by-side field is the model field's once the apps are ready.
        self.fields["text"] = FormatStep._meta.get_field("text").formfield(label=_("What happens"))


FormatStepFormSet = forms.formset_factory(FormatStepForm, extra=2, can_delete=True, max_num=30)


def step_initial(activity: ActivityFormat) -> list[dict]:
    """The format's steps as the formset starts from them: every language of each."""
    steps = activity.steps.all() if activity.pk else []
    return [
        {"id": step.pk, "minutes": step.minutes, "text": translations_of(step, "text")}
        for step in steps
    ]
