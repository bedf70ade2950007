from django import forms
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form
from citypeers.programmes.models import DataLicence


class DataLicenceForm(Form):
    licence = forms.ChoiceField(
        label=_("Licence of the programme's open data"),
        choices=DataLicence.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "Applies to the downloads of its visits, calls, reports and news and to their "
            "entries in the data catalogue."
        ),
    )
