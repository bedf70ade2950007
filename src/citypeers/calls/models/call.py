"""A call and its own questions."""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from citypeers.calls.enums import MAX_PREFERENCES
from citypeers.core.translated import TranslatedField, TranslatedList
from citypeers.programmes.models import Programme, Visit

STANDARD_CONSENT = _(
    "I agree that the programme's coordinators and reviewers process the data in "
    "this application to make this call's selection, and keep it until the "
    "programme ends."
)


def standard_consent() -> dict:
    """The standard consent text in every offered language its translation exists in (a
    language whose catalogue lacks it shows the English rather than storing a copy of it)."""
    with translation.override(settings.LANGUAGE_CODE):
        english = str(STANDARD_CONSENT)
    texts = {settings.LANGUAGE_CODE: english}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            if (text := str(STANDARD_CONSENT)) != english:
                texts[code] = text
    return texts


class Call(models.Model):
    class Type(models.TextChoices):
        PARTICIPANTS = "participants", _("Participants")
        HOSTS = "hosts", _("Hosts")
        PRACTICES = "practices", _("Good practices")
        EXPERTS = "experts", _("Experts")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="calls"
    )
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    title = TranslatedField(_("title"), max_length=200)
    slug = models.SlugField(_("address"), max_length=200, unique=True)
    description = TranslatedField(_("description"), multiline=True, help_text=_("Markdown."))
    eligible_countries = models.JSONField(
        _("eligible countries"), default=list, blank=True, help_text=_("Empty: every country.")
    )
    eligible_organisation_types = models.JSONField(
        _("eligible kinds of organisation"),
        default=list,
        blank=True,
        help_text=_("Empty: every kind."),
    )
    eligibility_text = TranslatedField(_("who may apply, in words"), blank=True, multiline=True)
    # Empty while a draft may still leave them open (a copy starts without dates).
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    # None: a draft, seen only by the programme's coordinators until one of them opens it.
    published_at = models.DateTimeField(_("made public"), null=True, blank=True)
    time_zone = models.CharField(
        _("the call's time zone"), max_length=64, default="Europe/Brussels"
    )
    visits = models.ManyToManyField(Visit, verbose_name=_("visits offered"), blank=True)
    max_preferences = models.PositiveSmallIntegerField(
        _("most visits an applicant ranks"),
        default=3,
        validators=[MaxValueValidator(MAX_PREFERENCES)],
        help_text=_("From 1 to 5 (0 for calls that offer no visits to rank)."),
    )
    notify_on = models.DateField(_("applicants told by"), null=True, blank=True)
    # An application keeps the wording its author agreed to, in the language they read it in.
    consent_text = TranslatedField(
        _("consent to the processing of data"), multiline=True, default=standard_consent
    )
    consent_version = models.PositiveSmallIntegerField(_("consent text version"), default=1)
    reviewers_per_application = models.PositiveSmallIntegerField(
        _("reviewers per application"), default=2
    )
    selection_settings = models.JSONField(_("selection settings"), default=dict, blank=True)
    # The coordinators' own text per outcome ("selected", …); missing: the standard text.
    outcome_messages = models.JSONField(_("decision e-mails"), default=dict, blank=True)
    blind_review = models.BooleanField(
        _("blind review"),
        default=False,
        help_text=_("Reviewers do not see applicants' names and organisations."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-closes_at"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")), name="call_closes_after"
            ),
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True)
                | models.Q(opens_at__isnull=False, closes_at__isnull=False),
                name="call_public_has_dates",
            ),
            models.CheckConstraint(
                condition=models.Q(max_preferences__lte=MAX_PREFERENCES),
                name="call_max_preferences",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("calls:detail", args=[self.slug])

    @property
    def eligible_country_names(self) -> list[str]:
        return [str(countries.name(code)) for code in self.eligible_countries]

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)

    @property
    def is_draft(self) -> bool:
        return self.published_at is None

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return not self.is_draft and self.opens_at <= now < self.closes_at

    def is_closed(self, now=None) -> bool:
        """Public and past its closing time: the time for decisions."""
        return not self.is_draft and (now or timezone.now()) >= self.closes_at

    def state(self, now=None) -> str:
        """draft, upcoming, open or closed."""
        if self.is_draft:
            return "draft"
        now = now or timezone.now()
        if now < self.opens_at:
            return "upcoming"
        return "open" if now < self.closes_at else "closed"


class Question(models.Model):
    """A question of a call's own form, beyond the fields every application has."""

    class Kind(models.TextChoices):
        SHORT_TEXT = "short_text", _("Short text")
        LONG_TEXT = "long_text", _("Long text")
        SINGLE_CHOICE = "single_choice", _("One choice")
        MULTIPLE_CHOICE = "multiple_choice", _("Several choices")
        NUMBER = "number", _("Number")
        YES_NO = "yes_no", _("Yes or no")
        FILE = "file", _("File")

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    label = TranslatedField(_("question"), max_length=300)
    help_text = TranslatedField(_("help"), max_length=300, blank=True)
    required = models.BooleanField(_("required"), default=True)
    # A list per language, the same choices in the same order (matched by position).
    choices = TranslatedField(_("choices"), blank=True, text=False, help_text=_("One a line."))
    word_limit = models.PositiveIntegerField(_("word limit"), null=True, blank=True)
    max_file_mb = models.PositiveSmallIntegerField(_("largest file, in MB"), default=5)
    file_types = models.CharField(
        _("file types"),
        max_length=100,
        blank=True,
        default="pdf",
        help_text=_("Extensions, separated by commas: pdf, docx, jpg."),
    )

    class Meta:
        ordering = ["call", "position", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.label

    @property
    def stored_choices(self) -> list[str]:
        """What an answer keeps for each choice: its label in the default language (else in the
        first offered language it has), so answers given in every language count together."""
        translations = self._meta.get_field("choices").translations(self)
        return list(TranslatedList(translations, settings.LANGUAGE_CODE))

    @property
    def choice_options(self) -> list[tuple[str, str]]:
        """(the value an answer keeps, the label in the reader's language) for each choice; a
        language whose list does not match the default's one for one is not used."""
        stored, shown = self.stored_choices, list(self.choices)
        return list(zip(stored, shown if len(shown) == len(stored) else stored, strict=True))

    def choice_label(self, value: str) -> str:
        """The reader's label of an answer kept as `value`; an answer that no choice gives any
        longer (the choices were reworded since) is shown as it was kept."""
        shown = dict(self.choice_options)
        if value in shown:
            return shown[value]
        for labels in self._meta.get_field("choices").translations(self).values():
            if value in labels and len(labels) == len(shown):
                return list(shown.values())[labels.index(value)]
        return value
