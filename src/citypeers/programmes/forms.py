from django import forms
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form
from citypeers.core.translated_forms import TranslatedFormField
from citypeers.programmes.models import Programme, Role, Visit


class MembershipAddForm(Form):
    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("The person must already have an account.")
    )
    role = forms.ChoiceField(label=_("Role"), choices=[("", _("Choose a role")), *Role.choices])
    visit = forms.ModelChoiceField(
        label=_("Visit"),
        queryset=Visit.objects.none(),
        required=False,
        empty_label=_("The whole programme"),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["visit"].queryset = programme.visits.order_by("title")


class ThemeForm(Form):
    name = TranslatedFormField(label=_("Name"), max_length=200)
    description = TranslatedFormField(label=_("Description"), required=False, multiline=True)
