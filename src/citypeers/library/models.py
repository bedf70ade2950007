from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.catalogue.models import Practice
from citypeers.core.translated import TranslatedField


class PracticeCard(models.Model):
    """What the library lists, sorts and counts about one published practice, in a narrow row.

    Written with the search index (`library.search`), so one cheap query per page gives every
    matching practice's facets and sort keys without reading the wide practice rows.
    Multi-valued fields hold values between bars ("|FR|BE|") so one LIKE filters them.
    """

    practice = models.OneToOneField(
        Practice, primary_key=True, on_delete=models.CASCADE, related_name="library_card"
    )
    published_at = models.DateTimeField(_("published"))
    title = TranslatedField(_("title"), max_length=200)  # every language: sorted per reader
    type = models.CharField(_("type"), max_length=20)
    willing_to_host = models.BooleanField(_("willing to host a visit"))
    themes = models.TextField(_("theme slugs"))
    countries = models.TextField(_("country codes"))
    sizes = models.TextField(_("size classes"))

    class Meta:
        verbose_name = _("library card")
        verbose_name_plural = _("library cards")

    def __str__(self) -> str:
        return self.title


def bars(values) -> str:
    """Values between bars, sorted and unique: ["FR", "BE"] -> "|BE|FR|"."""
    return "|" + "|".join(sorted(set(values))) + "|" if values else ""


class LibraryState(models.Model):
    """One row: a token replaced whenever library cards are written, and the number of that
    write in the log of changes (see `card_index`)."""

    cards_token = models.CharField(_("cards token"), max_length=32)
    cards_change = models.BigIntegerField(_("last change"), null=True)

    class Meta:
        verbose_name = _("library state")
        verbose_name_plural = _("library state")

    def __str__(self) -> str:
        return self.cards_token


class CardChange(models.Model):
    """One write of library cards: the token it left and the practices whose cards it wrote or
    deleted, so a process behind updates its index for those alone (see `card_index`)."""

    token = models.CharField(_("cards token"), max_length=32)
    practice_ids = models.TextField(_("practices"))  # ids between spaces; "*" for every card

    class Meta:
        verbose_name = _("library card change")
        verbose_name_plural = _("library card changes")

    def __str__(self) -> str:
        return self.token


class ReportCard(models.Model):
    """What the library lists and searches of one published visit report, in one row.

    Reports are few (one per visit), so they are searched in SQL: `text` holds the report's
    words, normalised as the search normalises a query, between spaces, so a word's beginning
    is a `LIKE '% word%'`. Written by the signals on reports (`signals.py`)."""

    report = models.OneToOneField(
        "reports.Report", primary_key=True, on_delete=models.CASCADE, related_name="library_card"
    )
    published_at = models.DateTimeField(_("published"))
    title = models.CharField(_("title"), max_length=300)
    visit_title = models.CharField(_("visit"), max_length=300)
    host = models.CharField(_("host"), max_length=200)
    language = models.CharField(_("language"), max_length=10)
    programme_slug = models.SlugField(_("programme"), max_length=200)
    visit_slug = models.SlugField(_("visit"), max_length=200)
    excerpt = models.TextField(_("excerpt"))
    themes = models.TextField(_("theme slugs"))
    countries = models.TextField(_("country codes"))
    sizes = models.TextField(_("size classes"))
    text = models.TextField(_("words"))

    class Meta:
        verbose_name = _("library report card")
        verbose_name_plural = _("library report cards")
        ordering = ["-published_at", "report_id"]

    def __str__(self) -> str:
        return self.title
