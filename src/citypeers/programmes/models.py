from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from citypeers.core.translated import TranslatedField


class Theme(models.Model):
    """A topic programmes, visits and (later) good practices are filed under."""

    name = TranslatedField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = TranslatedField(_("description"), blank=True, multiline=True)

    class Meta:
        ordering = ["slug"]  # lists sort by the name in the reader's language
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name


class RoomProvider(models.TextChoices):
    """Where a programme's online sessions meet (`visits.rooms` makes the links)."""

    NONE = "none", _("No online rooms")
    URL_TEMPLATE = "url_template", _("A meeting server's address (such as Jitsi Meet)")
    BIGBLUEBUTTON = "bigbluebutton", _("BigBlueButton, through its API")


class DataLicence(models.TextChoices):
    """The open licences a programme's open data may carry (`library.opendata` knows their
    addresses); CC BY 4.0 unless its coordinators choose another."""

    CC_BY_4_0 = "CC-BY-4.0", "CC BY 4.0"
    CC_BY_SA_4_0 = "CC-BY-SA-4.0", "CC BY-SA 4.0"
    CC0_1_0 = "CC0-1.0", "CC0 1.0"
    ODBL_1_0 = "ODbL-1.0", "ODbL 1.0"


class Programme(models.Model):
    """The top-level container: a cycle of calls and visits run by its coordinators."""

    name = TranslatedField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    description = TranslatedField(_("description"), blank=True, multiline=True)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # The online rooms of its visits: checked by `visits.rooms` when a coordinator saves them.
    room_provider = models.CharField(
        _("online rooms"), max_length=20, choices=RoomProvider.choices, default=RoomProvider.NONE
    )
    room_url_template = models.CharField(_("room address"), max_length=500, blank=True)
    bbb_api_url = models.CharField(_("BigBlueButton API address"), max_length=500, blank=True)
    bbb_secret = models.CharField(_("BigBlueButton shared secret"), max_length=200, blank=True)
    bbb_checksum_algorithm = models.CharField(
        _("BigBlueButton checksum"), max_length=10, default="sha1"
    )
    # The licence of its visits, calls, reports and news as open data (`library.opendata`).
    data_licence = models.CharField(
        _("open data licence"),
        max_length=20,
        choices=DataLicence.choices,
        default=DataLicence.CC_BY_4_0,
    )

    class Meta:
        # Lists that show names sort them in the reader's language (`named_choices`).
        ordering = ["-starts_on", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")), name="programme_ends_after_start"
            )
        ]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:detail", kwargs={"slug": self.slug})


class Visit(models.Model):
    """One peer-learning visit of a programme, hosted by a place (delivery lives in `visits`)."""

    class Mode(models.TextChoices):
        ONSITE = "onsite", _("Onsite")
        ONLINE = "online", _("Online")
        HYBRID = "hybrid", _("Hybrid")

    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="visits"
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200)
    host_place = models.ForeignKey(
        "places.Place",
        verbose_name=_("host place"),
        on_delete=models.PROTECT,
        related_name="visits",
    )
    mode = models.CharField(_("mode"), max_length=10, choices=Mode.choices, default=Mode.ONLINE)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), blank=True)

    class Meta:
        ordering = ["programme", "starts_on", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "slug"], name="visit_slug_unique_in_programme"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                name="visit_ends_after_start",
            ),
        ]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")

    def __str__(self) -> str:
        return self.title


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    HOST = "host", _("Host")
    REVIEWER = "reviewer", _("Reviewer")
    PARTICIPANT = "participant", _("Participant")
    EXPERT = "expert", _("Expert")
    RAPPORTEUR = "rapporteur", _("Rapporteur")
    FACILITATOR = "facilitator", _("Facilitator")
    TECHNICAL_HOST = "technical_host", _("Technical host")
    INTERPRETER = "interpreter", _("Interpreter")


# Who works on one visit beside the programme's coordinators: they see its workspace and take
# its tasks. (Table hosts, note-takers and local stakeholders are the host team's own people.)
VISIT_TEAM_ROLES = frozenset(
    {
        Role.HOST,
        Role.EXPERT,
        Role.RAPPORTEUR,
        Role.FACILITATOR,
        Role.TECHNICAL_HOST,
        Role.INTERPRETER,
    }
)


class Membership(models.Model):
    """A person's role in a programme, or in one visit of it (when `visit` is set)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.CASCADE, related_name="memberships"
    )
    visit = models.ForeignKey(
        Visit,
        verbose_name=_("visit"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text=_("Leave empty for a role in the whole programme."),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        ordering = ["programme", "role", "user__display_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "programme", "role"],
                condition=Q(visit__isnull=True),
                name="membership_unique_programme_role",
            ),
            models.UniqueConstraint(
                fields=["user", "visit", "role"],
                condition=Q(visit__isnull=False),
                name="membership_unique_visit_role",
            ),
        ]
        indexes = [models.Index(fields=["user", "role"])]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")

    def __str__(self) -> str:
        where = self.visit or self.programme
        return f"{self.user} · {self.get_role_display()} · {where}"
