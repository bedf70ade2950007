from zoneinfo import ZoneInfo

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

from citypeers.catalogue.forms import PlacesField
from citypeers.catalogue.selectors import by_title, practices_willing_to_host
from citypeers.core.forms import Form, ModelForm
from citypeers.methodology.models import ActivityFormat
from citypeers.programmes.models import Programme, RoomProvider
from citypeers.programmes.selectors import programmes_coordinated_by
from citypeers.visits.enums import (
    RESOURCE_URL_MAX_LENGTH,
    AttendanceStatus,
    RecommendationStatus,
    ResourceLicence,
    ResourceVisibility,
)
from citypeers.visits.models import QuestionnaireAnswer
from citypeers.visits.rooms import CHECKSUM_ALGORITHMS


class PlanForVisitForm(Form):
    """What the plan does not say about a visit that exists: the good practice it shows."""

    practice = forms.ModelChoiceField(
        label=_("Good practice shown"),
        required=False,
        queryset=practices_willing_to_host(),
        help_text=_("A published practice whose city is willing to host a visit."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # By the titles this reader sees: the language is known per request, not at import.
        self.fields["practice"].queryset = by_title(practices_willing_to_host())


class VisitFromPlanForm(PlanForVisitForm):
    """What the plan does not say: which programme, what the visit is called, who hosts it."""

    field_order = ["programme", "title", "host_place", "practice"]
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=Programme.objects.none())
    title = forms.CharField(label=_("Title of the visit"), max_length=300)
    host_place = PlacesField(
        label=_("Host place"),
        help_text=_("As Name (country code), e.g. Vantaa (FI)."),
        widget=forms.TextInput,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        programmes = programmes_coordinated_by(user)
        self.fields["programme"].queryset = programmes
        self.fields["programme"].empty_label = None

    def clean_host_place(self):
        places = self.cleaned_data["host_place"]
        if len(places) != 1:
            raise forms.ValidationError(_("Give one place."))
        return places[0]


def _team_choice(field: forms.ChoiceField, team) -> dict:
    """Offers the team's people in `field` (or nobody); returns them by the value chosen."""
    people = {str(user.pk): user for user in team}
    field.choices = [("", _("Nobody yet")), *((pk, str(user)) for pk, user in people.items())]
    return people


class TaskOwnerForm(Form):
    owner = forms.ChoiceField(label=_("Owner"), required=False)

    def __init__(self, *args, team, **kwargs):
        super().__init__(*args, **kwargs)
        self.team = _team_choice(self.fields["owner"], team)

    def chosen_owner(self):
        return self.team.get(self.cleaned_data["owner"])


class TaskChecklistForm(Form):
    """The checklist's items ticked on the page and those it showed, by position."""

    ticked = forms.TypedMultipleChoiceField(coerce=int, required=False)
    shown = forms.TypedMultipleChoiceField(coerce=int, required=False)

    def __init__(self, *args, task, **kwargs):
        super().__init__(*args, **kwargs)
        positions = [(str(n), str(n)) for n in range(task.checklist_length)]
        self.fields["ticked"].choices = self.fields["shown"].choices = positions


# Long enough for a page of text; a paste of a whole report is refused at the field.
ANSWER_MAX_LENGTH = 3000


class QuestionnaireForm(ModelForm):
    """The pre-visit questionnaire; with `read_only`, the answer as given, every field
    disabled."""

    class Meta:
        model = QuestionnaireAnswer
        fields = QuestionnaireAnswer.ANSWER_FIELDS
        help_texts = {
            "challenge": _("A question from your own city or organisation you want to work on."),
            "can_share": _("An experience, a method or a result the others could learn from."),
            "access_needs": _("Only the visit's team sees your needs."),
            "shares_with_participants": _(
                "Off: only the visit's team sees your answers. On: the other participants see "
                "your name, organisation, city and challenge on the visit's people page."
            ),
        }

    def __init__(self, *args, read_only: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            if name != "shares_with_participants":
                field.max_length = ANSWER_MAX_LENGTH
                field.validators.append(MaxLengthValidator(ANSWER_MAX_LENGTH))
                field.widget.attrs.update(rows=4, maxlength=ANSWER_MAX_LENGTH)
            field.disabled = read_only

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("expectations") or cleaned.get("challenge")):
            raise forms.ValidationError(
                _("Say what you expect from the visit or the challenge you bring (or both).")
            )
        return cleaned


class SessionForm(Form):
    """A session of the agenda: its start in the visit's zone on its day, length, format and
    what people read about it. The service checks the format's minutes; the view puts its
    refusal at the field."""

    starts = forms.TimeField(
        label=_("Starts"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    minutes = forms.IntegerField(label=_("Minutes"), min_value=5, max_value=600)
    format = forms.ModelChoiceField(label=_("Format"), queryset=ActivityFormat.objects.none())
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=200,
        help_text=_("Empty: the format's name."),
    )
    objective = forms.CharField(label=_("Objective"), required=False, widget=forms.Textarea)
    speakers = forms.CharField(label=_("Speakers"), required=False, widget=forms.Textarea)
    facilitator = forms.ChoiceField(label=_("Facilitator"), required=False)
    place = forms.CharField(
        label=_("Place"),
        required=False,
        max_length=300,
        help_text=_("A room or an address."),
    )

    def __init__(self, *args, formats, team, zone: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts"].label = _("Starts (%(zone)s)") % {"zone": zone}
        self.fields["format"].queryset = ActivityFormat.objects.filter(
            pk__in=[f.pk for f in formats]
        )
        self.fields["format"].label_from_instance = lambda f: (
            _("%(name)s (%(low)s to %(high)s min)")
            % {"name": f.name, "low": f.min_minutes, "high": f.max_minutes}
        )
        self.team = _team_choice(self.fields["facilitator"], team)

    def clean_facilitator(self):
        return self.team.get(self.cleaned_data["facilitator"])

    @staticmethod
    def initial_for(session, zone: str) -> dict:
        return {
            "starts": session.starts_at.astimezone(ZoneInfo(zone)).time(),
            "minutes": session.minutes,
            "format": session.format_id,
            "title": session.title,
            "objective": session.objective,
            "speakers": session.speakers,
            "facilitator": str(session.facilitator_id or ""),
            "place": session.place,
        }


class SessionResourceForm(Form):
    """A resource of a session: its link, the licence it may be reused under and who sees it.
    The service checks the link; the view puts its refusal at the field."""

    title = forms.CharField(
        label=_("Title"),
        max_length=200,
        help_text=_("As people will see it, e.g. “Slides” or “Recording”."),
    )
    url = forms.CharField(
        label=_("Link"),
        max_length=RESOURCE_URL_MAX_LENGTH,
        widget=forms.URLInput,
        help_text=_("Starting with https://"),
    )
    licence = forms.ChoiceField(
        label=_("Licence"), choices=ResourceLicence.choices, initial=ResourceLicence.UNKNOWN
    )
    visibility = forms.ChoiceField(
        label=_("Who sees it"),
        choices=ResourceVisibility.choices,
        initial=ResourceVisibility.VISIT,
        widget=forms.RadioSelect,
    )


class DailyTimeForm(Form):
    time = forms.TimeField(
        label=_("Daily start"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )


class RoomSettingsForm(Form):
    """Where a programme's online sessions meet. The stored secret is never shown back: the
    field says whether one is set; typing a new one replaces it, leaving it empty keeps it."""

    provider = forms.ChoiceField(
        label=_("Online rooms"), choices=RoomProvider.choices, widget=forms.RadioSelect
    )
    url_template = forms.CharField(
        label=_("Room address"),
        required=False,
        max_length=500,
        help_text=_(
            "For a meeting server's address: {room} is replaced by each room's name, as in "
            "https://meet.example.org/{room}."
        ),
    )
    api_url = forms.CharField(
        label=_("BigBlueButton API address"),
        required=False,
        max_length=500,
        help_text=_("As `bbb-conf --secret` prints it: https://bbb.example.org/bigbluebutton/"),
    )
    secret = forms.CharField(
        label=_("BigBlueButton shared secret"),
        required=False,
        max_length=200,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )
    checksum_algorithm = forms.ChoiceField(
        label=_("BigBlueButton checksum"),
        choices=[(name, name.upper().replace("SHA", "SHA-")) for name in CHECKSUM_ALGORITHMS],
        help_text=_("SHA-1 unless the server's administrator chose another."),
    )

    def __init__(self, *args, programme: Programme, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "provider": programme.room_provider,
                "url_template": programme.room_url_template,
                "api_url": programme.bbb_api_url,
                "checksum_algorithm": programme.bbb_checksum_algorithm,
            },
        )
        super().__init__(*args, **kwargs)
        self.secret_set = bool(programme.bbb_secret)
        self.fields["secret"].help_text = (
            _("A secret is set. Leave this empty to keep it, or type a new one to replace it.")
            if self.secret_set
            else _("As `bbb-conf --secret` prints it.")
        )


class AttendanceMarkForm(Form):
    """The team's mark for one person of the visit (one small form per row of the sheet)."""

    person = forms.ChoiceField(label=_("Person"), widget=forms.HiddenInput)
    status = forms.ChoiceField(label=_("Attendance"), choices=AttendanceStatus.choices)

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(user.pk): user for user in people}
        self.fields["person"].choices = [(pk, str(user)) for pk, user in self.people.items()]

    def clean_person(self):
        return self.people[self.cleaned_data["person"]]


class GroupsGenerateForm(Form):
    """How many rounds, and how many people a group has (the methodology's 5 to 6)."""

    rounds = forms.TypedChoiceField(
        label=_("Rounds"), choices=[(n, n) for n in range(1, 5)], coerce=int, initial=3
    )
    size = forms.TypedChoiceField(
        label=_("People per group"), choices=[(5, 5), (6, 6)], coerce=int, initial=6
    )


def _people_choices(rounds) -> list:
    return sorted(((p.key, p.name) for p in rounds.people), key=lambda c: c[1].lower())


def _numbers(count: int) -> list:
    return [(n, n) for n in range(1, count + 1)]


class GroupsMoveForm(Form):
    """A person moved to another group of one round; rounds and groups counted from 1 here,
    from 0 in `cleaned_data` (`round_index`, `group_index`), as the core counts."""

    person = forms.TypedChoiceField(label=_("Person"), coerce=int)
    round = forms.TypedChoiceField(label=_("Round"), coerce=int)
    group = forms.TypedChoiceField(label=_("To group"), coerce=int)

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = _people_choices(rounds)
        self.fields["round"].choices = _numbers(len(rounds.groups))
        self.fields["group"].choices = _numbers(max(len(row) for row in rounds.groups))

    def clean(self):
        data = super().clean()
        if "round" in data and "group" in data:
            data["round_index"], data["group_index"] = data["round"] - 1, data["group"] - 1
        return data


class GroupsDropoutForm(Form):
    """A person who leaves, and the first round they miss."""

    person = forms.TypedChoiceField(label=_("Person"), coerce=int)
    from_round = forms.TypedChoiceField(label=_("Leaves before round"), coerce=int)

    def __init__(self, *args, rounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = _people_choices(rounds)
        self.fields["from_round"].choices = _numbers(len(rounds.groups))


class InterpretingForm(Form):
    """Whom one interpreter interprets for; empty for nobody in particular. Each interpreter's
    form on the roster gets its own ids (`auto_id`), as the page shows several."""

    interpreter = forms.IntegerField(widget=forms.HiddenInput)
    participant = forms.TypedChoiceField(
        label=_("Interprets for"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("The breakout groups keep them together."),
    )

    def __init__(self, *args, interpreter, participants, **kwargs):
        kwargs.setdefault("auto_id", f"id_interpreting_{interpreter.pk}_%s")
        kwargs.setdefault("initial", {})
        kwargs["initial"].setdefault("interpreter", interpreter.pk)
        super().__init__(*args, **kwargs)
        self.fields["participant"].choices = [
            ("", _("Nobody in particular")),
            *((user.pk, str(user)) for user in participants),
        ]


class RecommendationForm(Form):
    text = forms.CharField(
        label=_("Recommendation"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One recommendation for the host, as the team agreed it."),
    )


class RecommendationAnswerForm(Form):
    status = forms.ChoiceField(label=_("Status"), choices=RecommendationStatus.choices)
    answer = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What you did with it, or why not."),
    )
