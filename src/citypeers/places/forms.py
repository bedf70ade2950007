from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from citypeers.core.forms import Form, ModelForm
from citypeers.places.models import Place, SizeClass


class PlaceFilterForm(Form):
    q = forms.CharField(label=_("Name"), required=False, max_length=200)
    country = LazyTypedChoiceField(
        label=_("Country"), required=False, choices=[("", _("All countries")), *countries]
    )
    size = forms.ChoiceField(
        label=_("Size"), required=False, choices=[("", _("Any size")), *SizeClass.choices]
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("Any kind")), *Place.Kind.choices]
    )


class PlaceForm(ModelForm):
    class Meta:
        model = Place
        fields = ["name", "country", "kind", "population", "latitude", "longitude"]
