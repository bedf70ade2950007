from django import forms
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form, ModelForm
from citypeers.people.models import User, spoken_language_choices


class SignupForm(Form):
    """Extra fields allauth's sign-up form asks for (allauth adds e-mail and passwords)."""

    display_name = forms.CharField(
        label=_("Name"), max_length=150, help_text=_("How other people see you.")
    )

    field_order = ["display_name", "email", "password1", "password2"]

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


class ProfileForm(ModelForm):
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        required=False,
        choices=spoken_language_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick every language you can take part in a visit in."),
    )

    class Meta:
        model = User
        fields = ["display_name", "country", "time_zone", "languages", "organisation"]
