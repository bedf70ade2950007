"""The editor's forms: the language-neutral part of an item, a text in one language (the
create form has both), and the time it goes out, typed in the editor's own zone."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from citypeers.catalogue.models import Practice
from citypeers.catalogue.selectors import by_title
from citypeers.core.dates import zone_name
from citypeers.core.forms import Form
from citypeers.news.enums import SLUG
from citypeers.programmes.models import Programme, Theme, Visit
from citypeers.programmes.selectors import programmes_coordinated_by
from citypeers.reports.enums import ReportStatus
from citypeers.reports.models import Report

LOCAL_FORMAT = "%Y-%m-%dT%H:%M:%S"


class NewsTextForm(Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=400,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One or two sentences: lists, feeds and link previews show it."),
    )
    body = forms.CharField(
        label=_("Text"),
        widget=forms.Textarea(attrs={"rows": 12}),
        help_text=_("Markdown: **bold**, *italics*, lists with “-”, links as &lt;https://…&gt;."),
    )
    image_alt = forms.CharField(
        label=_("Image description"),
        max_length=300,
        required=False,
        help_text=_("What the image shows, for people who cannot see it. Needed with an image."),
    )


class NewsItemForm(Form):
    """Programme, image and what the item is about."""

    programme = forms.ModelChoiceField(
        label=_("Programme"),
        queryset=None,
        required=False,
        empty_label=_("The whole network"),
    )
    image = forms.ImageField(label=_("Image"), required=False)
    remove_image = forms.BooleanField(label=_("Remove the image"), required=False)
    visits = forms.ModelMultipleChoiceField(label=_("Visits"), queryset=None, required=False)
    practices = forms.ModelMultipleChoiceField(
        label=_("Good practices"), queryset=None, required=False
    )
    reports = forms.ModelMultipleChoiceField(label=_("Reports"), queryset=None, required=False)
    themes = forms.ModelMultipleChoiceField(label=_("Themes"), queryset=None, required=False)

    def __init__(self, *args, user, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        programmes = programmes_coordinated_by(user)
        self.fields["programme"].queryset = programmes
        if not user.is_staff:
            self.fields["programme"].required = True
            self.fields["programme"].empty_label = None
        self.fields["visits"].queryset = Visit.objects.filter(
            programme__in=programmes
        ).select_related("programme")
        self.fields["practices"].queryset = by_title(
            Practice.objects.filter(status=Practice.Status.PUBLISHED)
        )
        self.fields["reports"].queryset = Report.objects.filter(
            status=ReportStatus.PUBLISHED
        ).order_by("title")
        self.fields["themes"].queryset = Theme.objects.all()
        if item is None or not item.image:
            del self.fields["remove_image"]
        if item is not None:
            self.initial.setdefault("programme", item.programme_id)
            for name in ("visits", "practices", "reports", "themes"):
                self.initial.setdefault(name, [o.pk for o in getattr(item, name).all()])

    def links(self) -> dict:
        return {
            name: self.cleaned_data[name] for name in ("visits", "practices", "reports", "themes")
        }


class NewsCreateForm(NewsTextForm, NewsItemForm):
    original_language = forms.ChoiceField(
        label=_("Written in"), choices=settings.LANGUAGES, initial="en"
    )
    field_order = [
        "original_language",
        "title",
        "summary",
        "body",
        "image",
        "image_alt",
        "programme",
        "visits",
        "practices",
        "reports",
        "themes",
    ]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_alt", "").strip():
            self.add_error("image_alt", _("Describe the image for people who cannot see it."))
        return cleaned


class ScheduleForm(Form):
    publish_at = forms.DateTimeField(
        label=_("Publish at"),
        # to the second (step 1): an item can go out at 9:00:30, not only on the minute
        widget=forms.DateTimeInput(
            attrs={"type": "datetime-local", "step": "1"}, format=LOCAL_FORMAT
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publish_at"].help_text = _("In your time zone: %(zone)s.") % {
            "zone": zone_name(timezone.get_current_timezone())
        }


class SlugChoiceField(forms.ModelChoiceField):
    """A choice named by its slug in the address: a value no slug can be (a NUL byte, which
    PostgreSQL refuses to compare) is not a choice, and is not looked up."""

    def to_python(self, value):
        if value not in self.empty_values and not SLUG.fullmatch(str(value)):
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


class NewsFilterForm(Form):
    programme = SlugChoiceField(
        label=_("Programme"),
        queryset=Programme.objects.order_by("-starts_on"),
        to_field_name="slug",
        required=False,
        empty_label=_("All programmes"),
    )
    theme = SlugChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )
