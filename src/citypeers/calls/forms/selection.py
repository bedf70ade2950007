"""Selection settings per visit, and pins and exclusions."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from citypeers.calls.selectors.selection import visit_settings
from citypeers.core.forms import Form

MODES = [
    ("merit", gettext_lazy("Merit: the best review scores, weighted by preference")),
    ("lottery", gettext_lazy("Lottery: a fair draw among those at or above a score")),
]


VISIT_FIELDS = ["capacity", "max_per_country", "min_share_small_medium", "min_share_civil_society"]


class SelectionSettingsForm(Form):
    """The selection mode, and for each visit its places and quotas."""

    mode = forms.ChoiceField(
        label=gettext_lazy("How to select"), choices=MODES, widget=forms.RadioSelect
    )
    threshold = forms.FloatField(
        label=gettext_lazy("Lottery: lowest review score (out of 100)"),
        required=False,
        min_value=0,
        max_value=100,
    )

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.visits = list(call.visits.select_related("programme").order_by("starts_on", "pk"))
        stored = call.selection_settings
        self.initial |= {"mode": stored.get("mode", "merit"), "threshold": stored.get("threshold")}
        for visit in self.visits:
            current = visit_settings(call, visit)
            prefix = f"visit_{visit.pk}_"
            self.fields[prefix + "capacity"] = forms.IntegerField(
                label=_("%(visit)s: places") % {"visit": visit.title}, min_value=1, max_value=500
            )
            self.fields[prefix + "max_per_country"] = forms.IntegerField(
                label=_("%(visit)s: at most this many per country") % {"visit": visit.title},
                required=False,
                min_value=1,
            )
            self.fields[prefix + "min_share_small_medium"] = forms.IntegerField(
                label=_("%(visit)s: at least this %% from small or medium cities")
                % {"visit": visit.title},
                required=False,
                min_value=0,
                max_value=100,
            )
            self.fields[prefix + "min_share_civil_society"] = forms.IntegerField(
                label=_("%(visit)s: at least this %% from civil-society organisations")
                % {"visit": visit.title},
                required=False,
                min_value=0,
                max_value=100,
            )
            self.initial |= {
                prefix + "capacity": current["capacity"],
                prefix + "max_per_country": current["max_per_country"],
                prefix + "min_share_small_medium": _percent(current["min_share_small_medium"]),
                prefix + "min_share_civil_society": _percent(current["min_share_civil_society"]),
            }

    def visit_rows(self) -> list[tuple]:
        """Each visit with its four bound fields, for the table of places and quotas."""
        return [
            (visit, [self[f"visit_{visit.pk}_{name}"] for name in VISIT_FIELDS])
            for visit in self.visits
        ]

    def clean(self):
        cleaned = super().clean()
        # A threshold already refused (out of range) is not also a missing one.
        missing = cleaned.get("threshold") is None and "threshold" not in self.errors
        if cleaned.get("mode") == "lottery" and missing:
            self.add_error("threshold", _("A lottery needs the lowest score that may enter it."))
        return cleaned

    def settings(self) -> dict:
        data = self.cleaned_data
        visits = {}
        for visit in self.visits:
            prefix = f"visit_{visit.pk}_"
            visits[str(visit.pk)] = {
                "capacity": data[prefix + "capacity"],
                "max_per_country": data[prefix + "max_per_country"],
                # Shares as exact hundredths: 30 % is 0.3, which the optimiser reads exactly.
                "min_share_small_medium": _share(data[prefix + "min_share_small_medium"]),
                "min_share_civil_society": _share(data[prefix + "min_share_civil_society"]),
            }
        return {"mode": data["mode"], "threshold": data["threshold"], "visits": visits}


def _percent(share):
    return None if share is None else round(share * 100)


def _share(percent):
    return None if not percent else percent / 100


class OverrideForm(Form):
    application = forms.ModelChoiceField(label=gettext_lazy("Applicant"), queryset=None)
    kind = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[
            ("pin", gettext_lazy("Pin to a visit")),
            ("exclude", gettext_lazy("Leave out")),
            ("none", gettext_lazy("Remove my earlier decision")),
        ],
    )
    visit = forms.ModelChoiceField(
        label=gettext_lazy("Visit (when pinning)"), queryset=None, required=False
    )
    reason = forms.CharField(label=gettext_lazy("Why"), max_length=300, required=False)

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        sent = call.applications.exclude(status="draft").select_related("applicant")
        self.fields["application"].queryset = sent.order_by("applicant__display_name")
        self.fields["application"].label_from_instance = lambda a: str(a.applicant)
        self.fields["visit"].queryset = call.visits.order_by("starts_on")

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("kind")
        if kind == "pin" and not cleaned.get("visit"):
            self.add_error("visit", _("Choose the visit to pin the person to."))
        if kind in {"pin", "exclude"} and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("Say why: it is kept with the decision."))
        return cleaned
