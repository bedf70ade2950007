"""The newsletter's forms: subscribing, choosing what one receives, composing an issue."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from citypeers.core.forms import Form
from citypeers.newsletter.enums import ItemKind
from citypeers.programmes.models import Theme

CONSENT_TEXT = _(
    "I agree to receive this newsletter by e-mail. My address, languages and themes are kept "
    "only to send it; every mail has a link to unsubscribe in one click."
)


class LanguagesMixin:
    """The reader's languages in their order: the first one, then others they also read."""

    def languages(self) -> list[str]:
        first = self.cleaned_data["language"]
        return [first, *(code for code in self.cleaned_data["other_languages"] if code != first)]


def _language_fields(form) -> None:
    form.fields["language"] = forms.ChoiceField(
        label=pgettext_lazy("newsletter", "Your language"), choices=settings.LANGUAGES
    )
    form.fields["other_languages"] = forms.MultipleChoiceField(
        label=_("Other languages you read"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each issue comes in the first of your languages it is written in."),
    )


def _themes_field(form) -> None:
    form.fields["themes"] = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose none to receive everything."),
    )


class SubscribeForm(LanguagesMixin, Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    programmes = forms.ModelMultipleChoiceField(
        label=pgettext_lazy("newsletter", "Newsletters"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(label=CONSENT_TEXT)

    def __init__(self, *args, programmes, language: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programmes"].queryset = programmes
        _themes_field(self)
        _language_fields(self)
        self.fields["language"].initial = language
        self.order_fields(["email", "programmes", "themes", "language", "other_languages"])


class PreferencesForm(LanguagesMixin, Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _themes_field(self)
        _language_fields(self)


def candidate_key(kind: str, pk: int) -> str:
    return f"{kind}_{pk}"


class IssueForm(Form):
    """The language it is written in, its subject and introduction in that language and
    optionally others, and a position for each candidate item: an item with a number is in the
    issue, lower numbers first; empty leaves it out."""

    language = forms.ChoiceField(
        label=pgettext_lazy("newsletter", "Written in"), choices=settings.LANGUAGES
    )

    def __init__(self, *args, candidates: list[tuple[str, object, str]], **kwargs):
        super().__init__(*args, **kwargs)
        for code, _name in settings.LANGUAGES:
            self.fields[f"subject_{code}"] = forms.CharField(
                label=_("Subject"), max_length=200, required=False
            )
            self.fields[f"intro_{code}"] = forms.CharField(
                label=_("Introduction"),
                required=False,
                max_length=10000,
                widget=forms.Textarea(attrs={"rows": 6}),
                help_text=_("Markdown: **bold**, *italic*, [links](https://example.org), lists."),
            )
        self.candidates = candidates
        for kind, obj, label in candidates:
            self.fields[candidate_key(kind, obj.pk)] = forms.IntegerField(
                label=label, required=False, min_value=1, max_value=999
            )

    def clean(self):
        data = super().clean()
        language = data.get("language")
        if language and not data.get(f"subject_{language}"):
            self.add_error(
                f"subject_{language}", _("Give the subject in the language it is written in.")
            )
        return data

    def language_fields(self) -> list[tuple[str, object, object]]:
        """(language name, subject field, introduction field) for each language."""
        return [
            (name, self[f"subject_{code}"], self[f"intro_{code}"])
            for code, name in settings.LANGUAGES
        ]

    def texts(self) -> dict[str, tuple[str, str]]:
        return {
            code: (self.cleaned_data[f"subject_{code}"], self.cleaned_data[f"intro_{code}"])
            for code, _name in settings.LANGUAGES
            if self.cleaned_data[f"subject_{code}"]
        }

    def candidate_fields(self, kind: str) -> list:
        return [self[candidate_key(k, obj.pk)] for k, obj, _label in self.candidates if k == kind]

    def chosen_items(self) -> list[tuple[str, object]]:
        """The items given a position, in order of it (ties: in the order listed)."""
        chosen = [
            (self.cleaned_data[candidate_key(kind, obj.pk)], n, kind, obj)
            for n, (kind, obj, _label) in enumerate(self.candidates)
            if self.cleaned_data.get(candidate_key(kind, obj.pk)) is not None
        ]
        return [(kind, obj) for _pos, _n, kind, obj in sorted(chosen, key=lambda c: c[:2])]


KIND_HEADINGS = {
    ItemKind.NEWS: _("Recent news"),
    ItemKind.VISIT: _("Visits"),
    ItemKind.REPORT: _("Published reports"),
}
