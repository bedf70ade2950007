"""What the open data publishes, in which words and under which licence: the collections,
their stable fields, their EU vocabulary terms, and the licences' addresses."""

from typing import NamedTuple

from django.utils.translation import gettext_lazy as _

from citypeers.programmes.models import DataLicence

EU = "http://publications.europa.eu/resource/authority/"
DATA_THEME = EU + "data-theme/"
# The English labels the EU data-theme vocabulary gives the terms we use.
DATA_THEME_LABELS = {
    "EDUC": "Education, culture and sport",
    "SOCI": "Population and society",
    "GOVE": "Government and public sector",
    "REGI": "Regions and cities",
}
FILE_TYPES = {"csv": EU + "file-type/CSV", "json": EU + "file-type/JSON"}
MEDIA_TYPES = {"csv": "text/csv", "json": "application/json"}
IANA = "https://www.iana.org/assignments/media-types/"


class Licence(NamedTuple):
    uri: str  # the EU licence authority's term, for DCAT
    deed: str  # the page people read
    kind: str  # ADMS licence type


LICENCES = {
    DataLicence.CC_BY_4_0: Licence(
        EU + "licence/CC_BY_4_0",
        "https://creativecommons.org/licenses/by/4.0/",
        "http://purl.org/adms/licencetype/Attribution",
    ),
    DataLicence.CC_BY_SA_4_0: Licence(
        EU + "licence/CC_BYSA_4_0",
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "http://purl.org/adms/licencetype/ShareAlike",
    ),
    DataLicence.CC0_1_0: Licence(
        EU + "licence/CC0",
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "http://purl.org/adms/licencetype/PublicDomain",
    ),
    DataLicence.ODBL_1_0: Licence(
        EU + "licence/ODC_BL",
        "https://opendatacommons.org/licenses/odbl/1-0/",
        "http://purl.org/adms/licencetype/ShareAlike",
    ),
}


class Collection(NamedTuple):
    name: str
    title: str
    description: str
    themes: tuple[str, ...]  # EU data-theme codes
    keywords: tuple[str, ...]
    fields: tuple[str, ...]  # the CSV columns and JSON keys, in order; never renamed
    per_programme: bool  # one dataset per programme, under its licence


COLLECTIONS = {
    c.name: c
    for c in (
        Collection(
            "practices",
            _("Good practices"),
            _("The published good practices of European cities, with their places and themes."),
            ("SOCI", "REGI", "GOVE"),
            ("good practice", "urban policy", "peer learning"),
            (
                "id",
                "slug",
                "title",
                "tagline",
                "type",
                "language",
                "programme",
                "places",
                "countries",
                "themes",
                "started_on",
                "ended_on",
                "published_at",
                "updated_at",
                "url",
            ),
            False,
        ),
        Collection(
            "programmes",
            _("Programmes"),
            _("The peer-learning programmes, their dates, themes and data licences."),
            ("EDUC", "GOVE"),
            ("programme", "peer learning"),
            (
                "id",
                "slug",
                "name",
                "description",
                "starts_on",
                "ends_on",
                "themes",
                "licence",
                "url",
            ),
            False,
        ),
        Collection(
            "themes",
            _("Themes"),
            _("The themes practices, programmes, visits and news are filed under."),
            ("EDUC",),
            ("theme", "classification"),
            ("id", "slug", "name", "description"),
            False,
        ),
        Collection(
            "places",
            _("Places"),
            _(
                "The cities and regions that host visits or share practices, with their country "
                "and position."
            ),
            ("REGI",),
            ("city", "region", "place"),
            (
                "id",
                "name",
                "country",
                "kind",
                "population",
                "latitude",
                "longitude",
                "geonames_id",
                "url",
            ),
            False,
        ),
        Collection(
            "visits",
            _("Visits"),
            _(
                "A programme's peer-learning visits, their hosts and dates, and the sessions of "
                "their published agendas."
            ),
            ("EDUC", "REGI"),
            ("study visit", "peer learning", "agenda"),
            (
                "id",
                "slug",
                "title",
                "programme",
                "host_place",
                "country",
                "mode",
                "starts_on",
                "ends_on",
                "themes",
                "sessions",
                "url",
            ),
            True,
        ),
        Collection(
            "calls",
            _("Calls"),
            _("A programme's published calls for applications and when they open and close."),
            ("GOVE", "EDUC"),
            ("call for applications",),
            (
                "id",
                "slug",
                "title",
                "type",
                "programme",
                "opens_at",
                "closes_at",
                "published_at",
                "eligible_countries",
                "visits",
                "url",
            ),
            True,
        ),
        Collection(
            "reports",
            _("Reports"),
            _("The published reports of a programme's visits."),
            ("EDUC", "REGI"),
            ("report", "study visit"),
            ("id", "title", "language", "programme", "visit", "published_at", "url", "pdf_url"),
            True,
        ),
        Collection(
            "news",
            _("News"),
            _("Published news, one row per language it is written in."),
            ("SOCI",),
            ("news",),
            (
                "id",
                "slug",
                "language",
                "title",
                "summary",
                "programme",
                "themes",
                "published_at",
                "updated_at",
            ),
            True,
        ),
    )
}
SITE_WIDE = tuple(name for name, c in COLLECTIONS.items() if not c.per_programme)
PER_PROGRAMME = tuple(name for name, c in COLLECTIONS.items() if c.per_programme)
