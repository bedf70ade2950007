"""Editing a translated text (core.translated) in a form: one input per offered language.

The languages that matter to the person editing come first, side by side: the language to
translate from (English when the text has it, else its first language) and the page's. The
rest wait in a disclosure that says how many are written, so a form with 25 languages stays
short. Languages the platform does not offer
(yet) are kept as they are when the form is saved.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from citypeers.core import languages


class TranslatedWidget(forms.MultiWidget):
    template_name = "core/widgets/translated.html"
    # Languages a form wants among the first even while empty (a record's original language).
    first_languages = frozenset()

    def __init__(self, *, multiline: bool = False, attrs=None):
        self.languages = languages.offered_codes()
        widget = forms.Textarea(attrs={"rows": 4}) if multiline else forms.TextInput
        super().__init__(dict.fromkeys(self.languages, widget), attrs)

    def decompress(self, value):
        value = value if isinstance(value, dict) else {}
        return [value.get(code, "") for code in self.languages]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        values = self.decompress(value) if not isinstance(value, list) else value
        written = [code for code, text in zip(self.languages, values, strict=False) if text]
        # Side by side: the language to translate from (the form's own first languages, else
        # English, else the text's first) and the page's; the others, written ones first,
        # behind a disclosure, so a text in 25 languages is not 25 inputs tall.
        preferred = [code for code in written if code in self.first_languages]
        preferred += [code for code in written if code == settings.LANGUAGE_CODE] + written
        first = {get_language() or settings.LANGUAGE_CODE, *preferred[:1], *self.first_languages}
        names = dict(languages.offered_languages())
        subwidgets = context["widget"]["subwidgets"]
        for code, subwidget in zip(self.languages, subwidgets, strict=True):
            subwidget["attrs"]["lang"] = code
            subwidget["language"] = code
            subwidget["language_name"] = names.get(code, code)
        others = [s for s in subwidgets if s["language"] not in first]
        context["widget"]["first"] = [s for s in subwidgets if s["language"] in first]
        context["widget"]["others"] = sorted(others, key=lambda s: s["language"] not in written)
        context["widget"]["others_written"] = len(set(written) - first)
        return context


class TranslatedFormField(forms.MultiValueField):
    """The translations of one text: {language: text}, only the languages written."""

    def __init__(self, *, max_length=None, multiline=False, **kwargs):
        self.languages = languages.offered_codes()
        # Each language's own widget tells core.forms to keep a multi-line text's line breaks.
        part = forms.Textarea if multiline else forms.TextInput
        fields = [
            forms.CharField(max_length=max_length, required=False, widget=part)
            for _code in self.languages
        ]
        kwargs.setdefault("widget", TranslatedWidget(multiline=multiline))
        super().__init__(fields, require_all_fields=False, **kwargs)
        # Every language left empty is refused before `validate`: the same words.
        self.error_messages["required"] = self.required_message

    def compress(self, data_list) -> dict:
        return {
            code: text.strip()
            for code, text in zip(self.languages, data_list or [], strict=False)
            if text and text.strip()
        }

    required_message = _("Write it in at least one language.")

    def validate(self, value):
        if self.required and not value:
            raise ValidationError(self.required_message, code="required")
