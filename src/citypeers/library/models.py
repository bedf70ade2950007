from django.db import models
from django.utils.translation import gettext_lazy as _

from citypeers.catalogue.models import Practice


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
    title = models.CharField(_("title"), max_length=200)
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
    """One row: a token replaced whenever library cards are written (see `card_index`)."""

    cards_token = models.CharField(_("cards token"), max_length=32)

    class Meta:
        verbose_name = _("library state")
        verbose_name_plural = _("library state")

    def __str__(self) -> str:
        return self.cards_token
