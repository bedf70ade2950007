"""The decision e-mails coordinators may write: one text per outcome, placeholders checked."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeers.calls.enums import Outcome
from citypeers.calls.models import Call
from citypeers.calls.texts.decision_mail import (
    EDITABLE,
    PLACEHOLDER_HELP,
    message_text,
    standard_text,
    unknown_placeholders,
)
from citypeers.core.forms import Form

LABELS = {
    Outcome.SELECTED: gettext_lazy("To the people selected"),
    Outcome.WAITLISTED: gettext_lazy("To the people on a waiting list"),
    Outcome.NOT_SELECTED: gettext_lazy("To the people not selected"),
}


class OutcomeMessagesForm(Form):
    """The call's three decision e-mails; a text left as the standard one stays standard, so
    it still reaches each applicant in their own language."""

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        for outcome in EDITABLE:
            self.fields[outcome] = forms.CharField(
                label=LABELS[outcome],
                max_length=4000,
                widget=forms.Textarea(attrs={"rows": 8}),
                help_text=_(
                    "Empty, or unchanged: the standard text, in each applicant's language."
                ),
                required=False,
            )
            self.initial[outcome] = message_text(call, outcome)

    def clean(self):
        cleaned = super().clean()
        allowed = _braced(PLACEHOLDER_HELP)
        for outcome in EDITABLE:
            unknown = unknown_placeholders(cleaned.get(outcome) or "")
            if unknown:
                self.add_error(
                    outcome,
                    _("Unknown placeholder %(names)s. The ones you can use: %(allowed)s.")
                    % {"names": ", ".join(unknown), "allowed": allowed},
                )
        return cleaned

    def messages(self) -> dict[str, str]:
        """The call's own texts: only those that differ from the standard text."""
        own = {}
        for outcome in EDITABLE:
            text = (self.cleaned_data.get(outcome) or "").strip().replace("\r\n", "\n")
            if text and text != standard_text(outcome):
                own[outcome] = text
        return own


def _braced(names) -> str:
    return ", ".join(f"{{{name}}}" for name in names)
