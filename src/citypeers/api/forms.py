import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form


class ApiTokenForm(Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=100,
        help_text=_("What the token is for, such as the tool that uses it."),
    )
    expires_on = forms.DateField(
        label=_("Expires on"),
        required=False,
        help_text=_("Optional. The token stops working at the start of this day (UTC)."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    def clean_expires_on(self):
        expires_on = self.cleaned_data["expires_on"]
        if expires_on and expires_on <= timezone.now().date():
            raise forms.ValidationError(_("Choose a day after today."))
        return expires_on

    @property
    def expires_at(self) -> datetime.datetime | None:
        expires_on = self.cleaned_data.get("expires_on")
        if not expires_on:
            return None
        return datetime.datetime.combine(expires_on, datetime.time(), tzinfo=datetime.UTC)
