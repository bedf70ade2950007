"""The planner's GET parameters, read leniently: codes or names for countries, defaults for
whatever is left out, and a message at the field for whatever cannot be read."""

import datetime
import re

from django import forms
from django.utils.html import format_html
from django.utils.translation import get_language, gettext_lazy, ngettext
from django.utils.translation import gettext as _
from django_countries import countries

from citypeers.core.forms import Form
from citypeers.methodology.models import TemplateVersion
from citypeers.methodology.selectors.plan_data import PlanRequest
from citypeers.optim import InstanceError
from citypeers.optim.timeslots import zone
from citypeers.optim.zones import country_of_zone
from citypeers.places.countries import programme_zones, zone_choices

DEFAULT_ZONE = "Europe/Brussels"


def _zone_choices() -> list[tuple[str, str]]:
    return zone_choices(sorted({*programme_zones(), "UTC"}))


def default_start(today: datetime.date) -> datetime.date:
    """A Monday about three months ahead: time for both calls and the selection."""
    later = today + datetime.timedelta(weeks=12)
    return later + datetime.timedelta(days=(7 - later.weekday()) % 7)


class CountriesField(forms.CharField):
    """ISO codes or names, separated by commas (or line breaks, in its text area): "PT, FI" or
    "Portugal, Finland". A text area, so a long list shows whole."""

    widget = forms.Textarea(attrs={"rows": 2})

    def to_python(self, value):
        if isinstance(value, list):
            value = ",".join(value)
        codes, unknown = [], []
        for item in (part.strip() for part in re.split(r"[,\n]", value or "")):
            if not item:
                continue
            code = (
                item.upper()
                if item.upper() in dict(countries)
                else (countries.by_name(item) or countries.by_name(item, language=get_language()))
            )
            if code and code not in codes:
                codes.append(code)
            elif not code:
                unknown.append(item)
        if unknown:
            raise forms.ValidationError(
                _("Not a country this platform knows: %(names)s.") % {"names": ", ".join(unknown)}
            )
        return codes

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value


def _days_text(fewest: int, most: int) -> str:
    if fewest == most:
        return ngettext("%(days)s day", "%(days)s days", most) % {"days": most}
    return _("%(fewest)s to %(most)s days") % {"fewest": fewest, "most": most}


def template_label(version: TemplateVersion) -> str:
    """A template as a choice: its name, then its mode, days and people, and what it is for."""
    template = version.template
    facts = ngettext(
        "%(mode)s, %(days)s, about %(people)s participant.",
        "%(mode)s, %(days)s, about %(people)s participants.",
        version.default_participants,
    ) % {
        "mode": template.get_mode_display(),
        "days": _days_text(version.min_days, version.max_days),
        "people": version.default_participants,
    }
    return format_html(
        '<span class="choice-name">{}</span> <span class="choice-hint">{} {}</span>',
        template.name,
        facts,
        template.purpose,
    )


class PlannerForm(Form):
    template = forms.ChoiceField(label=gettext_lazy("Template"), widget=forms.RadioSelect)
    start = forms.DateField(
        label=gettext_lazy("First day of the visit"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    days = forms.IntegerField(label=gettext_lazy("Days"), min_value=1, max_value=10)
    participants = forms.IntegerField(
        label=gettext_lazy("Participants"),
        min_value=2,
        max_value=200,
        help_text=gettext_lazy("For a study visit or an expert mission: the visitors."),
    )
    host_tz = forms.ChoiceField(label=gettext_lazy("Host's time zone"))
    host_country = forms.ChoiceField(
        label=gettext_lazy("Host's country"),
        required=False,
        help_text=gettext_lazy(
            "Its public holidays are avoided. Empty: the country of the host's time zone."
        ),
    )
    countries = CountriesField(
        label=gettext_lazy("Participants' countries"),
        required=False,
        help_text=gettext_lazy("Names or codes, separated by commas: Portugal, Finland or PT, FI."),
    )
    topic = forms.CharField(label=gettext_lazy("Topic"), required=False, max_length=200)
    time = forms.TimeField(
        label=gettext_lazy("Daily start, host's time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=gettext_lazy("Empty: the template's usual start."),
    )
    minutes = forms.IntegerField(
        label=gettext_lazy("Minutes of sessions a day"),
        required=False,
        min_value=15,
        max_value=600,
        help_text=gettext_lazy("Online and hybrid visits; empty: the template's agenda."),
    )

    def __init__(self, data, *, defaults: dict, versions: dict[str, TemplateVersion]):
        self.versions = versions  # template address -> its current version
        merged = {**defaults, **{key: value for key, value in data.items() if value != ""}}
        if isinstance(merged.get("host_country"), str):
            merged["host_country"] = merged["host_country"].strip().upper()  # "be" is Belgium
        super().__init__(merged)
        choices = _zone_choices()
        asked = merged.get("host_tz")
        if asked and asked not in dict(choices):
            choices.append((asked, asked))  # any IANA name typed into the address works
        self.fields["host_tz"].choices = choices
        self.fields["template"].choices = [
            (slug, template_label(version)) for slug, version in versions.items()
        ]
        self.fields["host_country"].choices = [("", "—"), *countries]

    def clean_host_tz(self):
        name = self.cleaned_data["host_tz"]
        try:
            zone(name, field="host_tz")
        except InstanceError:
            raise forms.ValidationError(_("Not a time zone name like Europe/Paris.")) from None
        return name

    def clean(self):
        cleaned = super().clean()
        version, days = self.versions.get(cleaned.get("template")), cleaned.get("days")
        if version:
            cleaned["mode"] = version.template.mode
        if version and days and not version.min_days <= days <= version.max_days:
            self.add_error(
                "days",
                _("This kind of visit runs %(days)s.")
                % {"days": _days_text(version.min_days, version.max_days)},
            )
        return cleaned

    @property
    def version(self) -> TemplateVersion:
        """The chosen template's current version (once the form is valid)."""
        return self.versions[self.cleaned_data["template"]]

    def plan_request(self) -> PlanRequest:
        data = self.cleaned_data
        return PlanRequest(
            mode=data["mode"],
            start=data["start"],
            days=data["days"],
            participants=data["participants"],
            host_tz=data["host_tz"],
            host_country=data["host_country"] or country_of_zone(data["host_tz"]),
            countries=tuple(data["countries"]),
            topic=data["topic"],
            time=data["time"],
            minutes=data["minutes"],
        )
