"""Coordinators' forms: a call's settings, and the questions of its form."""

import datetime
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_countries import countries

from citypeers.calls.models import Call, Question
from citypeers.core.forms import ModelForm
from citypeers.core.translated_forms import TranslatedFormField
from citypeers.people.models import Organisation
from citypeers.places.countries import programme_zones, zone_choices
from citypeers.programmes.models import Visit
from citypeers.programmes.selectors import programmes_coordinated_by

LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


def _local_input():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format=LOCAL_FORMAT)


class CallForm(ModelForm):
    """Opening and closing are typed in the call's own zone and stored in UTC. A draft may
    leave both empty; a public call needs both."""

    opens_local = forms.DateTimeField(
        label=gettext_lazy("Opens (the call's time)"),
        widget=_local_input(),
        input_formats=[LOCAL_FORMAT],
        required=False,
    )
    closes_local = forms.DateTimeField(
        label=gettext_lazy("Closes (the call's time)"),
        widget=_local_input(),
        input_formats=[LOCAL_FORMAT],
        required=False,
    )
    time_zone = forms.ChoiceField(label=gettext_lazy("The call's time zone"))
    eligible_countries = forms.MultipleChoiceField(
        label=gettext_lazy("Countries that may apply"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: every country."),
    )
    eligible_organisation_types = forms.MultipleChoiceField(
        label=gettext_lazy("Kinds of organisation that may apply"),
        required=False,
        choices=Organisation.Type.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("None ticked: every kind."),
    )

    class Meta:
        model = Call
        fields = [
            "programme",
            "type",
            "title",
            "description",
            "eligibility_text",
            "eligible_countries",
            "eligible_organisation_types",
            "time_zone",
            "visits",
            "max_preferences",
            "notify_on",
            "consent_text",
            "reviewers_per_application",
            "blind_review",
        ]
        widgets = {
            "visits": forms.CheckboxSelectMultiple,
            "notify_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        programmes = programmes_coordinated_by(user)
        self.fields["programme"].queryset = programmes
        self.fields["programme"].empty_label = None
        self.fields["eligible_countries"].choices = list(countries)
        self.fields["time_zone"].choices = zone_choices(programme_zones())
        self.fields["visits"].queryset = (
            Visit.objects.filter(programme__in=programmes)
            .select_related("programme")
            .order_by("starts_on")
        )
        self.fields["visits"].required = False
        if self.instance.pk:
            zone = ZoneInfo(self.instance.time_zone)
            for name in ("opens", "closes"):
                if value := getattr(self.instance, f"{name}_at"):
                    local = timezone.localtime(value, zone).replace(tzinfo=None)
                    self.initial[f"{name}_local"] = local
        if self.instance.is_draft:
            hint = _("Leave empty while the call is a draft; it opens once both are set.")
            self.fields["opens_local"].help_text = hint
        self.order_fields(
            [
                "programme",
                "type",
                "title",
                "description",
                "opens_local",
                "closes_local",
                "time_zone",
            ]
        )

    def clean(self):
        cleaned = super().clean()
        zone_name = cleaned.get("time_zone")
        opens, closes = cleaned.get("opens_local"), cleaned.get("closes_local")
        cleaned["opens_at"] = cleaned["closes_at"] = None
        for name in ("opens_local", "closes_local"):
            typed = name in self.errors  # a wrong value is at its field already
            needed = not self.instance.is_draft or opens or closes
            if needed and not typed and not cleaned.get(name):
                self.add_error(name, _("Give both the opening and the closing time."))
        if cleaned.get("type") == Call.Type.PARTICIPANTS and cleaned.get("max_preferences") == 0:
            self.add_error(
                "max_preferences",
                _("Applicants to a call for participants rank at least one visit."),
            )
        if zone_name and opens and closes:
            zone = ZoneInfo(zone_name)
            cleaned["opens_at"] = self._aware(opens, zone)
            cleaned["closes_at"] = self._aware(closes, zone)
            if cleaned["closes_at"] <= cleaned["opens_at"]:
                self.add_error("closes_local", _("The call must close after it opens."))
        programme, visits = cleaned.get("programme"), cleaned.get("visits") or []
        if programme and any(visit.programme_id != programme.pk for visit in visits):
            self.add_error("visits", _("Offer only visits of the call's programme."))
        return cleaned

    @staticmethod
    def _aware(local: datetime.datetime, zone: ZoneInfo) -> datetime.datetime:
        naive = local.replace(tzinfo=None)
        return naive.replace(tzinfo=zone).astimezone(datetime.UTC)


class ChoicesField(TranslatedFormField):
    """A question's choices in each language, one a line: {language: [choice, …]}. Every
    language written lists as many choices, as answers are matched by position."""

    def __init__(self, **kwargs):
        super().__init__(multiline=True, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, dict):
            return {code: "\n".join(lines) for code, lines in value.items()}
        return value

    def has_changed(self, initial, data):
        return super().has_changed(self.prepare_value(initial), data)

    def compress(self, data_list) -> dict:
        texts = super().compress(data_list)
        lines = {code: [line.strip() for line in text.splitlines()] for code, text in texts.items()}
        return {code: [line for line in items if line] for code, items in lines.items()}

    def validate(self, value):
        super().validate(value)
        if len({len(lines) for lines in value.values()}) > 1:
            raise forms.ValidationError(
                _("Give the same number of choices in each language, one a line."),
                code="counts",
            )


class QuestionForm(ModelForm):
    choices = ChoicesField(
        label=gettext_lazy("Choices"), required=False, help_text=gettext_lazy("One a line.")
    )

    class Meta:
        model = Question
        fields = [
            "label",
            "kind",
            "help_text",
            "required",
            "choices",
            "word_limit",
            "max_file_mb",
            "file_types",
        ]

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        choice_kinds = {Question.Kind.SINGLE_CHOICE, Question.Kind.MULTIPLE_CHOICE}
        counts = [len(lines) for lines in (cleaned.get("choices") or {}).values()]
        if kind in choice_kinds and "choices" not in self.errors and max(counts, default=0) < 2:
            self.add_error("choices", _("Give at least two choices, one a line."))
        return cleaned


QuestionFormSet = forms.modelformset_factory(
    Question, form=QuestionForm, extra=1, can_delete=True, can_order=True, max_num=60
)
