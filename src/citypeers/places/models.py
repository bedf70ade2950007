from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from citypeers.places.countries import is_eu_member


class SizeClass(models.TextChoices):
    SMALL = "small", _("Small (under 50,000)")
    MEDIUM = "medium", _("Medium (50,000 to 250,000)")
    LARGE = "large", _("Large (250,000 to 1 million)")
    METROPOLIS = "metropolis", _("Metropolis (1 million or more)")


def size_class_for(population: int | None) -> SizeClass | None:
    """The size class of a population, by the thresholds in settings.PLACE_SIZE_THRESHOLDS."""
    if population is None:
        return None
    for name, upper_bound in settings.PLACE_SIZE_THRESHOLDS.items():
        if population < upper_bound:
            return SizeClass(name)
    return SizeClass.METROPOLIS


class Place(models.Model):
    """A city, region, rural area or metropolitan area that people and practices belong to."""

    class Kind(models.TextChoices):
        CITY = "city", _("City")
        REGION = "region", _("Region")
        RURAL = "rural", _("Rural area")
        METROPOLITAN = "metropolitan", _("Metropolitan area")

    name = models.CharField(_("name"), max_length=200)
    country = CountryField(_("country"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.CITY)
    population = models.PositiveIntegerField(_("population"), null=True, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    time_zone = models.CharField(_("time zone"), max_length=64, blank=True)
    geonames_id = models.PositiveIntegerField(
        _("GeoNames id"), null=True, blank=True, unique=True, editable=False
    )

    class Meta:
        ordering = ["name", "country"]
        indexes = [models.Index(fields=["country", "name"]), models.Index(fields=["population"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(latitude__isnull=True)
                | models.Q(latitude__gte=-90, latitude__lte=90),
                name="place_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(longitude__isnull=True)
                | models.Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude_in_range",
            ),
        ]
        verbose_name = _("place")
        verbose_name_plural = _("places")

    def __str__(self) -> str:
        return f"{self.name} ({self.country.code})"

    @property
    def size_class(self) -> SizeClass | None:
        return size_class_for(self.population)

    @property
    def in_eu(self) -> bool:
        return is_eu_member(self.country.code)
