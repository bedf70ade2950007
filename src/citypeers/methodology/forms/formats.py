"""Activity formats in forms: the list's filters, and a format's figures, texts and steps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form, ModelForm, text_form_field
from citypeers.methodology.enums import Mode, SessionRole
from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.models.formats import FORMAT_TEXTS
from citypeers.methodology.selectors.translated_texts import (
    SOURCE_LANGUAGE,
    untranslated_default,
    with_language,
)


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
    """A format's figures and its texts in one language (`language`), with labels in plain words.

    A text not yet translated shows the English one to start from; left as it is, it stays
    untranslated (readers keep getting the English), so the French columns never fill up with
    English copies.
    """

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

    def __init__(self, *args, language: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.language = language
        for name in FORMAT_TEXTS:
            field = text_form_field(ActivityFormat._meta.get_field(name))
            field.required = language == SOURCE_LANGUAGE and name in REQUIRED_TEXTS
            if isinstance(field.widget, forms.Textarea):
                field.widget.attrs["rows"] = 6
                field.help_text = _("Markdown: lists start with -, **bold**.")
            self.fields[name] = field
            self.initial[name] = untranslated_default(self.instance, name, language)
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
        """Every text's translations, with this form's language as typed."""
        return {
            name: with_language(self.instance, name, self.language, self.cleaned_data[name])
            for name in FORMAT_TEXTS
        }


class FormatStepForm(Form):
    minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=600)
    text = forms.CharField(label=_("What happens"), widget=forms.Textarea(attrs={"rows": 2}))


FormatStepFormSet = forms.formset_factory(FormatStepForm, extra=2, can_delete=True, max_num=30)
