"""The surveys page's small form: how a survey's answers are kept, until it is sent."""

from django import forms
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form
from citypeers.feedback.enums import Anonymity


class AnonymityForm(Form):
    anonymity = forms.ChoiceField(
        label=_("Answers are"),
        choices=Anonymity.choices,
        help_text=_(
            "Anonymous: nothing leads back to a person. Pseudonymous: one person's answers can "
            "be compared across surveys of the visit, never with their name."
        ),
    )
