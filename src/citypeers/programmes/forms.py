import datetime

from django import forms
from django.utils import timezone
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


# The kinds of action a programme's audit trail holds, by the action's first word; a kind not
# named here is shown as it is written.
AUDIT_KINDS = {
    "application": _("Applications"),
    "review": _("Reviews and rubrics"),
    "selection": _("Selections"),
    "host": _("Host selections"),
    "call": _("Calls"),
    "membership": _("Roles"),
    "export": _("Downloads"),
    "visit": _("Visits"),
    "agenda": _("Agendas"),
    "report": _("Reports"),
    "survey": _("Surveys"),
    "audit": _("The audit trail itself"),
}


class AuditFilterForm(Form):
    """The filters of a programme's audit trail; dates are days in the reader's time zone."""

    kind = forms.ChoiceField(label=_("Kind of action"), required=False)
    person = forms.TypedChoiceField(label=_("Person"), required=False, coerce=int, empty_value=None)
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Included."),
    )

    def __init__(self, *args, kinds: list[str], actors: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Every kind"))] + [
            (kind, AUDIT_KINDS.get(kind, kind)) for kind in kinds
        ]
        self.fields["person"].choices = [("", _("Everyone"))] + [
            (actor.pk, str(actor)) for actor in actors
        ]

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end comes before the start."))
        return data

    def bounds(self) -> dict:
        """The filters as `audit_entries` takes them: days become instants in the reader's
        zone, the end day included."""
        data = self.cleaned_data if self.is_valid() else {}
        zone = timezone.get_current_timezone()

        def start_of(day):
            return datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)

        since, until = data.get("since"), data.get("until")
        return {
            "kind": data.get("kind") or "",
            "actor_id": data.get("person"),
            "since": start_of(since) if since else None,
            "until": start_of(until + datetime.timedelta(days=1)) if until else None,
        }
