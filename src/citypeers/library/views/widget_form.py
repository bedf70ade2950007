"""The widget builder's form: what to list, narrowed how, in which colours."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from citypeers.core.forms import Form
from citypeers.core.translated import named_choices
from citypeers.library.views.widget_params import (
    DEFAULT_ACCENT,
    DEFAULT_BACKGROUND,
    DEFAULT_LIMIT,
    MAX_LIMIT,
)
from citypeers.programmes.models import Programme, Theme

COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
KINDS = [("visits", _("Upcoming visits")), ("calls", _("Open calls"))]


class ColourInput(forms.TextInput):
    """A colour picker; a value that is no colour (typed into the address) is not echoed into
    it, where HTML forbids it: the error at the field says why."""

    input_type = "color"

    def format_value(self, value):
        value = super().format_value(value)
        return value if value and COLOUR.fullmatch(value) else None


def _colour_field(label, default: str, help_text) -> forms.RegexField:
    return forms.RegexField(
        label=label,
        regex=COLOUR,
        required=False,
        initial="#" + default,
        widget=ColourInput(),
        help_text=help_text,
        error_messages={"invalid": _("Give a colour as # and six hexadecimal digits.")},
    )


class WidgetForm(Form):
    """Every field has a default, so a half-filled address still shows a widget."""

    kind = forms.ChoiceField(label=_("What to show"), choices=KINDS, initial="visits")
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    limit = forms.IntegerField(
        label=_("How many at most"),
        min_value=1,
        max_value=MAX_LIMIT,
        initial=DEFAULT_LIMIT,
        required=False,
    )
    accent = _colour_field(_("Accent colour"), DEFAULT_ACCENT, _("The heading band and the links."))
    background = _colour_field(
        _("Background colour"),
        DEFAULT_BACKGROUND,
        _("Text is black or white, whichever reads better on it."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [
            ("", _("All programmes")),
            *named_choices(Programme.objects.all()),
        ]
        self.fields["theme"].choices = [
            ("", _("All themes")),
            *named_choices(Theme.objects.all()),
        ]
        self.fields["country"].choices = [("", _("All countries")), *countries]

    def clean(self):
        data = super().clean()
        defaults = {
            "limit": DEFAULT_LIMIT,
            "accent": "#" + DEFAULT_ACCENT,
            "background": "#" + DEFAULT_BACKGROUND,
        }
        for name, default in defaults.items():
            if name not in self.errors and data.get(name) in (None, ""):
                data[name] = default
        return data
