"""The widget builder's form: what to list, narrowed how, in which colours."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from citypeers.core.forms import Form
from citypeers.library.views.widget_params import (
    DEFAULT_ACCENT,
    DEFAULT_BACKGROUND,
    DEFAULT_LIMIT,
    MAX_LIMIT,
)
from citypeers.programmes.models import Programme, Theme

KINDS = [("visits", _("Upcoming visits")), ("calls", _("Open calls"))]


class WidgetForm(Form):
    kind = forms.ChoiceField(label=_("What to show"), choices=KINDS, initial="visits")
    programme = forms.ChoiceField(label=_("Programme"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    limit = forms.IntegerField(
        label=_("How many at most"), min_value=1, max_value=MAX_LIMIT, initial=DEFAULT_LIMIT
    )
    accent = forms.RegexField(
        label=_("Accent colour"),
        regex=r"^#[0-9a-fA-F]{6}$",
        initial="#" + DEFAULT_ACCENT,
        widget=forms.TextInput(attrs={"type": "color"}),
        help_text=_("The heading band and the links."),
        error_messages={"invalid": _("Give a colour as # and six hexadecimal digits.")},
    )
    background = forms.RegexField(
        label=_("Background colour"),
        regex=r"^#[0-9a-fA-F]{6}$",
        initial="#" + DEFAULT_BACKGROUND,
        widget=forms.TextInput(attrs={"type": "color"}),
        help_text=_("Text is black or white, whichever reads better on it."),
        error_messages={"invalid": _("Give a colour as # and six hexadecimal digits.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].choices = [
            ("", _("All programmes")),
            *Programme.objects.order_by("name").values_list("slug", "name"),
        ]
        self.fields["theme"].choices = [
            ("", _("All themes")),
            *Theme.objects.order_by("name").values_list("slug", "name"),
        ]
        self.fields["country"].choices = [("", _("All countries")), *countries]
