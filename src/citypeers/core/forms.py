import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from citypeers.core.text import one_line, without_controls

# Values an <input> of these types may hold (HTML's rules). A value that cannot be one, typed
# into an address rather than the field, is not echoed back: the error at the field says why.
VALID_INPUT_VALUES = {
    "number": re.compile(r"-?\d+(\.\d+)?"),
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "time": re.compile(r"\d{2}:\d{2}(:\d{2}(\.\d+)?)?"),
}


class FormRenderer(TemplatesSetting):
    """Renders every form with the house templates: labels, hints and linked errors."""

    form_template_name = "core/forms/form.html"
    field_template_name = "core/forms/field.html"

    def render(self, template_name, context, request=None):
        widget = context.get("widget")
        if isinstance(widget, dict) and (rule := VALID_INPUT_VALUES.get(widget.get("type"))):
            value = widget.get("value")
            if value not in (None, "") and not rule.fullmatch(str(value)):
                context = {**context, "widget": {**widget, "value": None}}
        return super().render(template_name, context, request)


# The years a date typed into any form may fall in: far enough for every programme, near
# enough that adding a time zone, a week or a visit's length never leaves Python's calendar.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def sane_date(value) -> None:
    """Refuses a date (or date and time) outside EARLIEST_YEAR..LATEST_YEAR."""
    if isinstance(value, datetime.date) and not EARLIEST_YEAR <= value.year <= LATEST_YEAR:
        raise ValidationError(
            _("Give a date between %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
        )


def _cleaned_text(to_python, clean):
    def wrapped(value):
        text = to_python(value)
        return clean(text) if isinstance(text, str) else text

    return wrapped


# A whole number any database column takes (PostgreSQL's `integer`).
LARGEST_INTEGER = 2**31 - 1
# The largest key a choice of rows can name: SQLite and PostgreSQL's `bigint` stop here.
LARGEST_KEY = 2**63 - 1
WHOLE_NUMBER = re.compile(r"-?[0-9]+")


def _keys_in_range(clean, field: forms.ModelChoiceField):
    """A chosen row named by a number too large for the database is not a choice: the
    database would refuse to compare it (an OverflowError, not an empty result)."""

    def wrapped(value):
        for item in value if isinstance(value, list | tuple) else [value]:
            text = str(item).strip() if item is not None else ""
            if WHOLE_NUMBER.fullmatch(text) and abs(int(text)) > LARGEST_KEY:
                raise ValidationError(
                    field.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": text[:20]},
                )
        return clean(value)

    return wrapped


class SafeInputMixin:
    """What every form of the platform does to what people type, whatever the field:

    - one-line text (a `CharField` not shown as a text area) loses its control characters and
      line breaks, so no title can add a header to an e-mail or a line to a calendar;
    - multi-line text keeps its line breaks and tabs but loses other control characters;
    - dates fall between EARLIEST_YEAR and LATEST_YEAR, whole numbers within what a database
      column holds, chosen rows named by keys the database can compare, refused at the field
      otherwise.

    Applied when the form is cleaned, so fields a form adds in its own `__init__` (a call's
    questions) are covered too.
    """

    def full_clean(self):
        for field in self.fields.values():
            _make_safe(field)
        super().full_clean()


def _make_safe(field: forms.Field) -> None:
    if getattr(field, "citypeers_safe", False):
        return
    field.citypeers_safe = True
    if isinstance(field.widget, forms.PasswordInput):
        return  # taken as typed: allauth's log-in form, which is not ours, compares it so
    if isinstance(field, forms.CharField):
        multi_line = isinstance(field.widget, forms.Textarea)
        field.to_python = _cleaned_text(
            field.to_python, without_controls if multi_line else one_line
        )
    elif isinstance(field, forms.MultiValueField):  # a translated text: each language's field
        for part in field.fields:
            _make_safe(part)
    elif isinstance(field, forms.ModelChoiceField):
        field.clean = _keys_in_range(field.clean, field)
    elif isinstance(field, forms.DateField | forms.DateTimeField):
        field.validators.append(sane_date)
    elif isinstance(field, forms.IntegerField):
        field.validators += [
            MinValueValidator(-LARGEST_INTEGER),
            MaxValueValidator(LARGEST_INTEGER),
        ]


class Form(SafeInputMixin, forms.Form):
    """The base of every plain form of the platform (see SafeInputMixin)."""


class ModelForm(SafeInputMixin, forms.ModelForm):
    """The base of every model form of the platform (see SafeInputMixin)."""
