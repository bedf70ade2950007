from django import forms
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from citypeers.catalogue.models import Practice
from citypeers.core.forms import Form
from citypeers.core.translated import named_choices
from citypeers.library.selectors import REPORT_TYPE, LibraryQuery
from citypeers.places.models import SizeClass
from citypeers.programmes.models import Theme


class LibrarySearchForm(Form):
    """The library's query parameters; a value that makes no sense is dropped, never an error."""

    q = forms.CharField(label=_("Search words"), required=False)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    country = forms.ChoiceField(label=_("Country"), required=False)
    size = forms.ChoiceField(
        label=_("City size"), required=False, choices=[("", _("Any size")), *SizeClass.choices]
    )
    type = forms.ChoiceField(
        label=_("Type"),
        required=False,
        choices=[("", _("Any type")), *Practice.Type.choices, (REPORT_TYPE, _("Visit report"))],
    )
    host = forms.BooleanField(
        label=_("Willing to host a visit"),
        required=False,
        widget=forms.CheckboxInput(attrs={"value": "yes"}),
    )
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[("", _("Best match")), ("newest", _("Newest")), ("title", _("Title"))],
    )

    def __init__(self, data, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.fields["theme"].choices = [
            ("", _("All themes")),
            *named_choices(Theme.objects.all()),
        ]
        self.fields["country"].choices = [("", _("All countries")), *countries]

    def controls(self) -> list[tuple[forms.BoundField, str | None]]:
        """The fields after the words, in order, each select with its options as HTML.

        Written here because the widget's per-option templates cost more than the search.
        """
        controls = []
        for name, field in self.fields.items():
            if not isinstance(field, forms.ChoiceField):
                controls.append((self[name], None))
            else:
                chosen = str(self.data.get(name) or "")
                # Every value and label is escaped; format_html per option cost twice as much.
                options = "".join(
                    f'<option value="{conditional_escape(value)}"'
                    f"{' selected' if value == chosen else ''}>{conditional_escape(label)}</option>"
                    for value, label in field.choices
                )
                controls.append((self[name], mark_safe(options)))  # noqa: S308
        return controls[1:]  # the words have their own, wider, field

    def to_query(self) -> LibraryQuery:
        self.is_valid()
        values = {
            name: self.cleaned_data.get(name)
            for name in self.fields
            if name not in self.errors and self.cleaned_data.get(name)
        }
        values["q"] = (self.data.get("q") or "")[:5000]
        values["host"] = self.data.get("host") in {"yes", "on", "true", "1"}
        return LibraryQuery(**values)
