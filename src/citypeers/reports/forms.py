"""The report's forms: start it, edit its sections, comment on one."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form
from citypeers.reports.enums import SECTION_MAX_LENGTH, SECTIONS


class ReportStartForm(Form):
    language = forms.ChoiceField(
        label=_("Language of the report"),
        choices=settings.LANGUAGES,
        help_text=_("The report, its web page and its PDF are in this language."),
    )


class ReportEditForm(Form):
    """One textarea per section (markdown), the version edited, and a note on what changed."""

    title = forms.CharField(label=_("Title"), max_length=300)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    note = forms.CharField(
        label=_("What changed (optional)"),
        required=False,
        max_length=300,
        help_text=_("Shown in the list of versions."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in SECTIONS:
            self.fields[section.key] = forms.CharField(
                label=section.title,
                help_text=section.guidance,
                required=False,
                max_length=SECTION_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 8}),
                strip=False,
            )
        # The title and the sections first, the note last, as they are written.
        self.order_fields(["title", *(s.key for s in SECTIONS), "note"])

    def sections(self) -> dict[str, str]:
        return {section.key: self.cleaned_data.get(section.key, "") for section in SECTIONS}


class ReportCommentForm(Form):
    section_key = forms.ChoiceField(
        label=_("Section"), choices=[(section.key, section.title) for section in SECTIONS]
    )
    body = forms.CharField(
        label=_("Your comment"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What is wrong or missing, and what the text should say."),
    )
