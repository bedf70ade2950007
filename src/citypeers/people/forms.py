from allauth.mfa.adapter import get_adapter as mfa_adapter
from allauth.mfa.webauthn import forms as webauthn
from django import forms
from django.utils.translation import gettext_lazy as _

from citypeers.core.forms import Form, ModelForm, SafeInputMixin
from citypeers.core.languages import offered_languages
from citypeers.people.models import Organisation, User, spoken_language_choices


class SignupForm(Form):
    """Extra fields allauth's sign-up form asks for (allauth adds e-mail and passwords)."""

    display_name = forms.CharField(
        label=_("Name"), max_length=150, help_text=_("How other people see you.")
    )

    field_order = ["display_name", "email", "password1", "password2"]

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


def page_language_choices() -> list[tuple[str, str]]:
    return [("", _("As your browser says")), *offered_languages()]


class LanguageSelect(forms.Select):
    """Each language named in itself, and marked as written in it (screen readers say it so)."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        if value:
            option["attrs"]["lang"] = value
        return option


class ProfileForm(ModelForm):
    language = forms.ChoiceField(
        label=_("Language of pages and e-mails"),
        required=False,
        choices=page_language_choices,
        widget=LanguageSelect,
        help_text=_(
            "Pages open in this language when you sign in, and e-mails come in it. With “As "
            "your browser says”, pages follow your browser and e-mails come in the first "
            "language you speak that citypeers offers."
        ),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        required=False,
        choices=spoken_language_choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Tick every language you can take part in a visit in."),
    )
    # Not the model's field: picking an organisation asks to join it (`affiliation_choose`).
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.all(),
        required=False,
        help_text=_(
            "Picking an organisation asks to join it: its members (or, where it has none, the "
            "coordinators) approve the request, and only then do you act for it. Leaving it "
            "empty leaves your organisation."
        ),
    )

    class Meta:
        model = User
        fields = ["display_name", "country", "time_zone", "language", "languages"]
        field_order = [
            "display_name",
            "country",
            "time_zone",
            "language",
            "languages",
            "organisation",
        ]

    def __init__(self, *args, pending=None, **kwargs):
        super().__init__(*args, **kwargs)
        chosen = pending.organisation if pending is not None else self.instance.organisation
        self.fields["organisation"].initial = chosen.pk if chosen else None


class AffiliationDecisionForm(Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional; sent to the person with the decision."),
    )


# A WebAuthn credential is JSON the browser posts; allauth parses a forged one only as far as a
# TypeError, and fido2 raises KeyError or ValueError on others (a 500). Refused as a wrong code.
FORGED_CREDENTIAL = (KeyError, TypeError, ValueError, AttributeError, IndexError)


def _refusing_forged_credentials(clean):
    def wrapped(self):
        try:
            return clean(self)
        except FORGED_CREDENTIAL:
            raise mfa_adapter().validation_error("incorrect_code") from None

    return wrapped


class AddWebAuthnForm(SafeInputMixin, webauthn.AddWebAuthnForm):
    name = forms.CharField(label=_("Name"), required=False, max_length=100)
    clean = _refusing_forged_credentials(webauthn.AddWebAuthnForm.clean)


class AuthenticateWebAuthnForm(SafeInputMixin, webauthn.AuthenticateWebAuthnForm):
    clean_credential = _refusing_forged_credentials(
        webauthn.AuthenticateWebAuthnForm.clean_credential
    )


class ReauthenticateWebAuthnForm(SafeInputMixin, webauthn.ReauthenticateWebAuthnForm):
    clean_credential = _refusing_forged_credentials(
        webauthn.ReauthenticateWebAuthnForm.clean_credential
    )


class EraseForm(Form):
    """Erasing an account is typed out, not clicked: the person writes their own address."""

    email = forms.CharField(
        label=_("Your e-mail address"),
        max_length=254,
        help_text=_("Type the address you sign in with, to confirm."),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if email != self.user.email.lower():
            raise forms.ValidationError(_("This is not the address you sign in with."))
        return email
