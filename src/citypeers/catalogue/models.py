from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from citypeers.catalogue.validators import validate_image_size
from citypeers.core.languages import offered_languages
from citypeers.core.translated import TranslatedField, TranslatedText, translations_of

# The free-text fields of a practice, in reading order; search indexes all of them.
TEXT_FIELDS = [
    "summary",
    "context",
    "activities",
    "governance",
    "resources",
    "results",
    "lessons",
    "transferability",
]
# Every text written per language (core.translated); the rest of a practice is one value.
TRANSLATED_FIELDS = ["title", "tagline", *TEXT_FIELDS, "image_alt"]


class Practice(models.Model):
    """A good practice a city or region shares so others can learn from it."""

    class Type(models.TextChoices):
        POLICY = "policy", _("Policy")
        PROJECT = "project", _("Project")
        EVENT = "event", _("Event")
        STRUCTURE = "structure", _("Organisational structure")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        CHANGES_REQUESTED = "changes", _("Changes requested")
        PUBLISHED = "published", _("Published")
        DECLINED = "declined", _("Declined")

    programme = models.ForeignKey(
        "programmes.Programme",
        verbose_name=_("programme"),
        on_delete=models.PROTECT,
        related_name="practices",
        help_text=_("The programme whose coordinators review this practice."),
    )
    title = TranslatedField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=220, unique=True)
    tagline = TranslatedField(
        _("tagline"), max_length=300, help_text=_("One line that says what the practice is.")
    )
    places = models.ManyToManyField(
        "places.Place", verbose_name=_("places"), related_name="practices"
    )
    organisations = models.ManyToManyField(
        "people.Organisation", verbose_name=_("organisations"), blank=True, related_name="practices"
    )
    themes = models.ManyToManyField(
        "programmes.Theme", verbose_name=_("themes"), related_name="practices"
    )
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    summary = TranslatedField(_("summary"), multiline=True, help_text=_("Markdown."))
    context = TranslatedField(_("context and challenge"), blank=True, multiline=True)
    activities = TranslatedField(
        _("what was done"), blank=True, multiline=True, help_text=_("Steps or timeline.")
    )
    governance = TranslatedField(_("governance and partners"), blank=True, multiline=True)
    resources = TranslatedField(_("budget and resources"), blank=True, multiline=True)
    results = TranslatedField(
        _("results and impact"), blank=True, multiline=True, help_text=_("With figures.")
    )
    lessons = TranslatedField(_("lessons learned"), blank=True, multiline=True)
    transferability = TranslatedField(
        _("transferability"),
        blank=True,
        multiline=True,
        help_text=_("Conditions, and what others can re-use."),
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    ended_on = models.DateField(
        _("ended on"), null=True, blank=True, help_text=_("Empty if ongoing.")
    )
    links = models.TextField(_("links"), blank=True, help_text=_("One web address a line."))
    image = models.ImageField(
        _("image"),
        upload_to="practices/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"]), validate_image_size],
    )
    image_alt = TranslatedField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    contact_name = models.CharField(_("contact name"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail address"), blank=True)
    willing_to_host = models.BooleanField(
        _("willing to host a visit"), default=False, help_text=_("Open to peer-learning visits.")
    )
    # The language the practice was first written in: its address comes from the title in
    # it, and editors start from it; the texts may have other languages beside it.
    language = models.CharField(
        _("written in"), max_length=10, default="en", choices=offered_languages
    )
    original_language_field = "language"  # texts fall back to it after English
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    review_comment = models.TextField(_("reviewer's comment"), blank=True)
    is_generated = models.BooleanField(
        _("generated demo data"),
        default=False,
        help_text=_("Made up for the demo, not a real practice."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("submitted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practices",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-published_at", "slug"]  # lists by title sort in the reader's language
        constraints = [
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | Q(started_on__isnull=True)
                | Q(ended_on__gte=models.F("started_on")),
                name="practice_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="practice_published_has_date",
            ),
        ]
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalogue:detail", kwargs={"slug": self.slug})

    @property
    def original_title(self) -> TranslatedText:
        """The title in the language the practice was first written in (else a fallback)."""
        return TranslatedText(translations_of(self, "title"), self.language)

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]
