import re

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from citypeers.catalogue.models import TEXT_FIELDS, TRANSLATED_FIELDS, Practice
from citypeers.core.forms import Form, ModelForm
from citypeers.core.languages import offered_codes
from citypeers.core.translated import translations_of
from citypeers.people.models import Organisation
from citypeers.places.models import Place
from citypeers.programmes.models import Programme, Theme

PLACE_LINE = re.compile(r"^(?P<name>.+?)\s*\((?P<country>[A-Za-z]{2})\)$")


class PlacesField(forms.CharField):
    """Places typed one a line as "Name (CC)", e.g. "Vantaa (FI)": no JavaScript needed."""

    widget = forms.Textarea(attrs={"rows": 3})

    def to_python(self, value):
        lines = [line.strip() for line in (value or "").splitlines() if line.strip()]
        places, problems = [], []
        for line in lines:
            match = PLACE_LINE.match(line)
            if not match:
                problems.append(_("“%(line)s”: write it as Name (country code).") % {"line": line})
                continue
            found = Place.objects.filter(
                name__iexact=match["name"], country=match["country"].upper()
            ).order_by("-population")
            if not found:
                problems.append(
                    _("“%(line)s” is not in the list of places; ask a coordinator to add it.")
                    % {"line": line}
                )
            else:
                places.append(found[0])
        if problems:
            raise forms.ValidationError(problems)
        return places

    def prepare_value(self, value):
        if isinstance(value, list | tuple):
            return "\n".join(f"{place.name} ({place.country.code})" for place in value)
        return value


class NamesField(forms.CharField):
    """Names typed one a line; blank lines and repeats dropped, each within `max_name_length`."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, *, max_name_length: int, **kwargs):
        self.max_name_length = max_name_length
        super().__init__(**kwargs)

    def to_python(self, value):
        names, seen = [], set()
        for line in (value or "").splitlines():
            name = " ".join(line.split())
            if name and name.casefold() not in seen:
                seen.add(name.casefold())
                names.append(name)
        too_long = [name for name in names if len(name) > self.max_name_length]
        if too_long:
            raise forms.ValidationError(
                [
                    _("“%(name)s…” is longer than %(limit)s characters.")
                    % {"name": name[:40], "limit": self.max_name_length}
                    for name in too_long
                ]
            )
        return names

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list | tuple) else value


class PracticeForm(ModelForm):
    places = PlacesField(
        label=_("Places"),
        help_text=_("One a line, as Name (country code), e.g. Vantaa (FI)."),
    )
    organisations = NamesField(
        label=_("Organisations"),
        required=False,
        max_name_length=Organisation._meta.get_field("name").max_length,
        help_text=_(
            "The organisations behind the practice, one a line, the leading one first. "
            "Names not known yet are added."
        ),
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Theme.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    started_on = forms.DateField(
        label=_("Started on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ended_on = forms.DateField(
        label=_("Ended on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Empty if ongoing."),
    )

    class Meta:
        model = Practice
        fields = [
            "programme",
            "title",
            "tagline",
            "places",
            "organisations",
            "themes",
            "type",
            *TEXT_FIELDS,
            "started_on",
            "ended_on",
            "links",
            "image",
            "image_alt",
            "contact_name",
            "contact_email",
            "willing_to_host",
            "language",
        ]
        widgets = {"links": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, author=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = Programme.objects.order_by("-starts_on")
        self.fields["programme"].empty_label = None
        if self.instance.pk:
            self.initial["places"] = list(self.instance.places.all())
            self.initial["organisations"] = [o.name for o in self.instance.organisations.all()]
            for name in TRANSLATED_FIELDS:  # editors start from the original, beside the page's
                self.fields[name].widget.first_languages = {self.instance.language}
        else:
            if author is not None and author.organisation:
                self.initial["organisations"] = [author.organisation.name]
            if get_language() in offered_codes():  # a new practice: written as the page
                self.initial.setdefault("language", get_language())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt"):
            self.add_error("image_alt", _("Describe the image for people who cannot see it."))
        started, ended = cleaned.get("started_on"), cleaned.get("ended_on")
        if started and ended and ended < started:
            self.add_error("ended_on", _("The end cannot be before the start."))
        return cleaned

    def clean_links(self):
        validate = forms.URLField(assume_scheme="https").clean
        lines = [line.strip() for line in self.cleaned_data["links"].splitlines() if line.strip()]
        links, errors = [], []
        for line in lines:
            try:
                links.append(validate(line))  # "example.org" becomes "https://example.org"
            except forms.ValidationError:
                errors.append(_("“%(line)s” is not a web address.") % {"line": line})
        if errors:
            raise forms.ValidationError(errors)
        return "\n".join(links)

    def model_data(self) -> dict:
        """The plain fields for the services; the related ones are passed on their own."""
        related = {"places", "themes", "organisations"}
        data = {k: v for k, v in self.cleaned_data.items() if k not in related}
        offered = set(offered_codes())
        for name in TRANSLATED_FIELDS:  # languages the form does not offer are kept as they are
            kept = translations_of(self.instance, name).items()
            data[name] = {code: text for code, text in kept if code not in offered} | data[name]
        if data.get("image") is False:  # "clear" ticked on the file input
            data["image"] = ""
        return data


class ReviewForm(Form):
    ACTIONS = [
        ("publish", _("Publish")),
        ("changes", _("Ask for changes")),
        ("decline", _("Decline")),
    ]
    action = forms.ChoiceField(label=_("Decision"), choices=ACTIONS, widget=forms.RadioSelect)
    comment = forms.CharField(
        label=_("Comment for the author"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Needed when you ask for changes or decline."),
    )
