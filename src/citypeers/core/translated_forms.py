"""Editing a translated text (core.translated) in a form: one input per offered language.

The languages that matter to the person editing come first, side by side: the text's own
languages and the page's language. The rest wait in a disclosure that says how many are
written, so a form with 25 languages stays short. Languages the platform does not offer
(yet) are kept as they are when the form is saved.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from citypeers.core import languages


def offered_languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def language_name(code: str) -> str:
    return dict(languages.offered_languages()).get(code, code)


class TranslatedWidget(forms.MultiWidget):
    template_name = "core/widgets/translated.html"
    # Languages a form wants among the first even while empty (a record's original language).
    first_languages = frozenset()

    def __init__(self, *, multiline: bool = False, attrs=None):
        self.languages = offered_languages()
        widget = forms.Textarea(attrs={"rows": 4}) if multiline else forms.TextInput
        super().__init__(dict.fromkeys(self.languages, widget), attrs)

    def decompress(self, value):
        value = value if isinstance(value, dict) else {}
        return [value.get(code, "") for code in self.languages]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        values = self.decompress(value) if not isinstance(value, list) else value
        written = {code for code, text in zip(self.languages, values, strict=False) if text}
        first = {get_language() or settings.LANGUAGE_CODE} | written | set(self.first_languages)
        first = first or {settings.LANGUAGE_CODE}
        for code, subwidget in zip(self.languages, context["widget"]["subwidgets"], strict=True):
            subwidget["attrs"]["lang"] = code
            subwidget["language"] = code
            subwidget["language_name"] = language_name(code)
            subwidget["written"] = code in written
            subwidget["first"] = code in first
        subwidgets = context["widget"]["subwidgets"]
        context["widget"]["first"] = [s for s in subwidgets if s["first"]]
        context["widget"]["others"] = [s for s in subwidgets if not s["first"]]
        context["widget"]["others_written"] = len(written - first)
        return context


class TranslatedFormField(forms.MultiValueField):
    """The translations of one text: {language: text}, only the languages written."""

    def __init__(self, *, max_length=None, multiline=False, **kwargs):
        self.languages = offered_languages()
        # Each language's field says whether it has lines: its cleaning keeps them or not.
        part = forms.Textarea if multiline else forms.TextInput
        fields = [
            forms.CharField(max_length=max_length, required=False, widget=part)
            for _code in self.languages
        ]
        kwargs.setdefault("widget", TranslatedWidget(multiline=multiline))
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list) -> dict:
        return {
            code: text.strip()
            for code, text in zip(self.languages, data_list or [], strict=False)
            if text and text.strip()
        }

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(_("Write it in at least one language."), code="required")
