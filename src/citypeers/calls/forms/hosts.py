"""The application form of a host call: the practice the visit would show and the visit the
organisation proposes, in place of the participant's learning needs and ranked visits."""

import datetime

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeers.calls.enums import PROPOSAL_FIELDS
from citypeers.calls.forms.applications import ApplicationForm
from citypeers.calls.selectors.eligibility import hostable_practices
from citypeers.programmes.models import Visit

PARTICIPANT_ONLY = ["learning_needs", "expertise", "challenge"]


class DateInput(forms.DateInput):
    input_type = "date"


class HostApplicationForm(ApplicationForm):
    def __init__(self, *args, organisation, **kwargs):
        super().__init__(*args, **kwargs)
        for name in PARTICIPANT_ONLY + [f for f in self.fields if f.startswith("preference_")]:
            del self.fields[name]
        self.fields["motivation"].label = _("Why you want to host a visit")
        proposal = {
            "practice": forms.ModelChoiceField(
                label=gettext_lazy("The good practice the visit would show"),
                queryset=hostable_practices(organisation),
                help_text=gettext_lazy(
                    "Your organisation's published practices marked “willing to host”."
                ),
            ),
            "proposed_mode": forms.ChoiceField(
                label=gettext_lazy("How the visit would run"),
                choices=Visit.Mode.choices,
                widget=forms.RadioSelect,
            ),
            "proposed_from": forms.DateField(
                label=gettext_lazy("You could host from"), widget=DateInput
            ),
            "proposed_until": forms.DateField(
                label=gettext_lazy("You could host until"), widget=DateInput
            ),
            "proposed_topic": forms.CharField(
                label=gettext_lazy("The visit's topic"),
                max_length=200,
                help_text=gettext_lazy("What peers would learn, in a line."),
            ),
        }
        for field in proposal.values():
            field.required = self.submitting
        # The proposal first: it is what the coordinators choose hosts by.
        self.fields = {**proposal, **self.fields}

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("proposed_from"), cleaned.get("proposed_until")
        if start and end and end < start:
            self.add_error("proposed_until", _("The end of the period comes before its start."))
        if start and start <= self.call.closes_at.date():
            self.add_error(
                "proposed_from", _("The visit can only start after the call has closed.")
            )
        if start and end and (end - start) > datetime.timedelta(days=366):
            self.add_error("proposed_until", _("Propose a period of at most a year."))
        return cleaned

    def _clean_preferences(self, cleaned: dict) -> None:
        """A host call has no visits to rank."""

    def chosen_visits(self) -> list:
        return []

    def fields_for_model(self) -> dict:
        fields = super().fields_for_model()
        return (
            fields
            | {name: self.cleaned_data.get(name) for name in PROPOSAL_FIELDS}
            | {
                "proposed_mode": self.cleaned_data.get("proposed_mode") or "",
                "proposed_topic": self.cleaned_data.get("proposed_topic") or "",
            }
        )
