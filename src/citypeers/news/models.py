"""News: an item language-neutral (its image, when it goes out, what it is about) and its texts,
one row per language, so a 25th language is a row, not a column."""

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from citypeers.catalogue.models import Practice
from citypeers.catalogue.validators import validate_image_size
from citypeers.core.languages import offered_languages
from citypeers.programmes.models import Programme, Theme, Visit
from citypeers.reports.models import Report


class NewsItem(models.Model):
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    # The programme whose coordinators write it; none for the network's own news (staff).
    programme = models.ForeignKey(
        Programme,
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="news",
    )
    original_language = models.CharField(
        _("written in"), max_length=10, choices=offered_languages, default="en"
    )
    image = models.ImageField(
        _("image"),
        upload_to="news/%Y/",
        blank=True,
        validators=[FileExtensionValidator(["jpg", "jpeg", "png", "webp"]), validate_image_size],
    )
    # Empty while a draft; in the future while scheduled; public from then on.
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True, db_index=True)
    visits = models.ManyToManyField(Visit, verbose_name=_("visits"), blank=True, related_name="+")
    practices = models.ManyToManyField(
        Practice, verbose_name=_("good practices"), blank=True, related_name="+"
    )
    reports = models.ManyToManyField(
        Report, verbose_name=_("reports"), blank=True, related_name="+"
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True, related_name="+")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["-publish_at", "-created_at"]
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def __str__(self) -> str:
        return self.slug


class NewsText(models.Model):
    """The item in one language: its title, summary, body (markdown, sanitised when shown) and
    the image's description, which every language with an image must give."""

    item = models.ForeignKey(NewsItem, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=10, choices=offered_languages)
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=400)
    body = models.TextField(_("text"))
    image_alt = models.CharField(
        _("image description"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["item", "language"]
        verbose_name = _("news text")
        verbose_name_plural = _("news texts")
        constraints = [
            models.UniqueConstraint(fields=["item", "language"], name="news_text_one_per_language"),
            models.CheckConstraint(condition=~Q(title=""), name="news_text_has_a_title"),
        ]

    def __str__(self) -> str:
        return self.title
