from django.conf.global_settings import LANGUAGES as ALL_LANGUAGES
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from timezone_field import TimeZoneField

from citypeers.core.languages import offered_languages
from citypeers.people.enums import AffiliationSource, AffiliationState, ConsentPurpose


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **fields):
        fields.setdefault("is_staff", False)
        fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **fields)

    def create_superuser(self, email: str, password: str | None = None, **fields):
        fields.update(is_staff=True, is_superuser=True)
        return self._create_user(email, password, **fields)


# The languages of the countries programmes draw on, plus Arabic and Russian, widely spoken in
# their cities. Django names all of them but Maltese.
SPOKEN_LANGUAGE_CODES = (
    "bg cs da de el en es et fi fr ga hr hu it lt lv mt nl pl pt ro sk sl sv "
    "ca eu gl lb is nb sq sr bs mk tr uk ka hy ru ar"
).split()
EXTRA_LANGUAGE_NAMES = {"mt": gettext_noop("Maltese")}


def spoken_language_choices() -> list[tuple[str, str]]:
    """The languages people can say they work in, by name in the reader's language."""
    names = dict(ALL_LANGUAGES) | EXTRA_LANGUAGE_NAMES
    return sorted(
        ((code, gettext(names[code])) for code in SPOKEN_LANGUAGE_CODES),
        key=lambda choice: choice[1],
    )


class User(AbstractBaseUser, PermissionsMixin):
    """A person: logs in with an e-mail address; roles come from memberships, not flags."""

    email = models.EmailField(_("e-mail address"), unique=True)
    display_name = models.CharField(
        _("name"), max_length=150, blank=True, help_text=_("How other people see you.")
    )
    languages = models.JSONField(
        _("languages spoken"),
        default=list,
        blank=True,
        help_text=_("Languages you can take part in a visit in."),
    )
    # Empty: pages follow the browser, mails the first offered language spoken
    # (`core.notifications.mail_language`). Choices are read from settings.LANGUAGES when asked,
    # so offering another language needs no migration.
    language = models.CharField(
        _("language of pages and e-mails"),
        max_length=10,
        blank=True,
        choices=offered_languages,
        help_text=_("Pages open in this language when you sign in, and e-mails come in it."),
    )
    time_zone = TimeZoneField(
        _("time zone"), default="Europe/Brussels", help_text=_("Times are shown in this zone.")
    )
    country = CountryField(_("country"), blank=True)
    # The approved affiliation only: set by `people.services` when a request is approved (or
    # an e-mail domain matches), never by the person; everything that acts for an organisation
    # (hosting, eligibility, quotas, reviewers' conflicts) reads it.
    organisation = models.ForeignKey(
        "people.Organisation",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    is_staff = models.BooleanField(
        _("staff"), default=False, help_text=_("Can use the admin site and the staff pages.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    class Meta:
        ordering = ["display_name", "email"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.display_name or self.email

    def get_full_name(self) -> str:
        return str(self)

    def get_short_name(self) -> str:
        return str(self)


class Organisation(models.Model):
    class Type(models.TextChoices):
        LOCAL_AUTHORITY = "local", _("Local authority")
        REGIONAL_AUTHORITY = "regional", _("Regional authority")
        NATIONAL_AUTHORITY = "national", _("National authority")
        HERITAGE = "heritage", _("Heritage organisation")
        CIVIL_SOCIETY = "civil", _("Civil-society organisation")
        UNIVERSITY = "university", _("University")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=200)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices)
    place = models.ForeignKey(
        "places.Place",
        verbose_name=_("place"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    website = models.URLField(_("website"), blank=True)
    email_domains = models.TextField(
        _("e-mail domains"),
        blank=True,
        help_text=_(
            "One a line, e.g. vantaa.fi: people who verify an address at one of these domains "
            "join the organisation without waiting for a decision."
        ),
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["name", "place"], name="organisation_unique_per_place")
        ]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def domains(self) -> set[str]:
        """The e-mail domains listed, lower case, without a leading @."""
        return {line.strip().lstrip("@").lower() for line in self.email_domains.splitlines()} - {""}


class Affiliation(models.Model):
    """A person's request to join an organisation, and what became of it.

    At most one request waits per person, and at most one is approved: the one
    `User.organisation` points at.
    """

    user = models.ForeignKey(
        User, verbose_name=_("person"), on_delete=models.CASCADE, related_name="affiliations"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="affiliations",
    )
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=AffiliationState.choices,
        default=AffiliationState.PENDING,
    )
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=AffiliationSource.choices,
        default=AffiliationSource.REQUEST,
    )
    requested_at = models.DateTimeField(_("asked"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(state=AffiliationState.PENDING),
                name="affiliation_one_pending_per_person",
            ),
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(state=AffiliationState.APPROVED),
                name="affiliation_one_approved_per_person",
            ),
        ]
        verbose_name = _("affiliation")
        verbose_name_plural = _("affiliations")

    def __str__(self) -> str:
        return f"{self.user}: {self.organisation}"


class Consent(models.Model):
    """A person's agreement, with the exact text they were shown and its language (GDPR art. 7:
    the platform must be able to show what was consented to). `user` is empty for an address
    that is not an account (a newsletter subscriber); `reference` names the record consented
    for (e.g. `calls.application:12`)."""

    user = models.ForeignKey(
        User,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="consents",
    )
    email = models.EmailField(_("e-mail address"), blank=True)
    purpose = models.CharField(_("purpose"), max_length=30, choices=ConsentPurpose.choices)
    reference = models.CharField(_("about"), max_length=100, blank=True)
    text = models.TextField(_("text agreed to"))
    language = models.CharField(_("language of the text"), max_length=10, blank=True)
    given_at = models.DateTimeField(_("given"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["-given_at", "-pk"]
        indexes = [models.Index(fields=["email"])]
        verbose_name = _("consent")
        verbose_name_plural = _("consents")

    def __str__(self) -> str:
        return f"{self.get_purpose_display()} ({self.given_at:%Y-%m-%d})"
