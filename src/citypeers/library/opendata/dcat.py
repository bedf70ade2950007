"""The DCAT-AP 3.0 catalogue of the open data (rdflib): the catalogue, a dataset per
collection (per programme for the programme-owned ones), their CSV and JSON distributions,
publisher, contact point, licences, EU data themes, countries covered and modification dates.

Built once per change of any collection (`core.changes.version`) and kept serialised, Turtle
and JSON-LD, in the shared cache: a second request is one cache read."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import translation
from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, XSD

from citypeers.core.changes import COLLECTIONS as CHANGE_COLLECTIONS
from citypeers.core.changes import Version, version
from citypeers.library.opendata.enums import (
    DATA_THEME,
    DATA_THEME_LABELS,
    EU,
    FILE_TYPES,
    IANA,
    LICENCES,
    MEDIA_TYPES,
)
from citypeers.library.opendata.selectors import Dataset, coverage, datasets

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCATAP = Namespace("http://data.europa.eu/r5r/")
_KEEP = 24 * 3600


def catalogue_version() -> Version:
    return version(*CHANGE_COLLECTIONS)


def catalogue_text(fmt: str) -> str:
    """The catalogue serialised as `fmt` ("turtle" or "json-ld"), from the cache when the
    data has not changed since it was built."""
    key = f"opendata:catalog:{catalogue_version().tag}"
    texts = cache.get(key)
    if texts is None:
        graph = catalogue_graph()
        texts = {
            "turtle": graph.serialize(format="turtle"),
            "json-ld": graph.serialize(format="json-ld", auto_compact=True),
        }
        cache.set(key, texts, _KEEP)
    return texts[fmt]


def data_url(path: str) -> str:
    return f"{settings.SITE_URL}/data/{path}"


def landing_url() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return settings.SITE_URL + reverse("opendata:index")


def _texts(graph: Graph, subject, predicate, message, **params) -> None:
    """One literal per site language, tagged with it."""
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            text = str(message) % params if params else str(message)
            graph.add((subject, predicate, Literal(text, lang=code)))


def _when(value: datetime.datetime) -> Literal:
    return Literal(value.astimezone(datetime.UTC).replace(microsecond=0), datatype=XSD.dateTime)


def _day(value: datetime.date) -> Literal:
    return Literal(value, datatype=XSD.date)


def catalogue_graph() -> Graph:
    graph = Graph()
    for prefix, ns in (
        ("dcat", DCAT),
        ("dct", DCTERMS),
        ("foaf", FOAF),
        ("vcard", VCARD),
        ("dcatap", DCATAP),
    ):
        graph.bind(prefix, ns)
    graph.bind("skos", SKOS)
    catalogue = URIRef(data_url("catalog"))
    marks = {name: version(name) for name in CHANGE_COLLECTIONS}
    issued = datetime.datetime.fromisoformat(settings.OPEN_DATA_ISSUED)
    publisher, contact = _publisher(graph), _contact(graph)
    graph.add((catalogue, RDF.type, DCAT.Catalog))
    _texts(graph, catalogue, DCTERMS.title, _CATALOGUE_TITLE, site=settings.SITE_NAME)
    _texts(graph, catalogue, DCTERMS.description, _CATALOGUE_DESCRIPTION)
    graph.add((catalogue, DCTERMS.publisher, publisher))
    graph.add((catalogue, DCAT.contactPoint, contact))
    graph.add((catalogue, FOAF.homepage, _document(graph, landing_url())))
    for code in ("ENG", "FRA"):
        language = URIRef(EU + "language/" + code)
        graph.add((catalogue, DCTERMS.language, language))
        graph.add((language, RDF.type, DCTERMS.LinguisticSystem))
    graph.add((catalogue, DCTERMS.issued, _when(issued)))
    graph.add((catalogue, DCTERMS.modified, _when(max(m.modified for m in marks.values()))))
    graph.add((catalogue, DCTERMS.license, _licence(graph, settings.OPEN_DATA_LICENCE)))
    scheme = URIRef(EU + "data-theme")
    graph.add((catalogue, DCAT.themeTaxonomy, scheme))
    graph.add((scheme, RDF.type, SKOS.ConceptScheme))
    graph.add((scheme, DCTERMS.title, Literal("Data theme", lang="en")))
    countries: set[str] = set()
    for dataset in datasets():
        node, covered = _dataset(graph, dataset, marks, publisher, contact, issued)
        graph.add((catalogue, DCAT.dataset, node))
        countries |= covered
    for code in sorted(countries):
        graph.add((catalogue, DCTERMS.spatial, _location(graph, code)))
    return graph


def _dataset(graph, dataset: Dataset, marks, publisher, contact, issued):
    name = dataset.collection.name
    node = URIRef(data_url(dataset.identifier))
    modified = marks[name].modified
    licence = _licence(graph, dataset.licence)
    graph.add((node, RDF.type, DCAT.Dataset))
    graph.add((node, DCTERMS.identifier, Literal(dataset.identifier)))
    for code, _language in settings.LANGUAGES:
        with translation.override(code):
            title = str(dataset.collection.title)
            if dataset.programme:
                title = f"{title}: {dataset.programme.name}"
            graph.add((node, DCTERMS.title, Literal(title, lang=code)))
            graph.add(
                (node, DCTERMS.description, Literal(str(dataset.collection.description), lang=code))
            )
    for code in dataset.collection.themes:
        graph.add((node, DCAT.theme, _theme(graph, code)))
    for keyword in dataset.collection.keywords:
        graph.add((node, DCAT.keyword, Literal(keyword, lang="en")))
    facts = coverage(dataset)
    for code in facts.countries:
        graph.add((node, DCTERMS.spatial, _location(graph, code)))
    if facts.starts_on or facts.ends_on:
        period = BNode()
        graph.add((period, RDF.type, DCTERMS.PeriodOfTime))
        if facts.starts_on:
            graph.add((period, DCAT.startDate, _day(facts.starts_on)))
        if facts.ends_on:
            graph.add((period, DCAT.endDate, _day(facts.ends_on)))
        graph.add((node, DCTERMS.temporal, period))
    created = dataset.programme.created_at if dataset.programme else issued
    graph.add((node, DCTERMS.issued, _when(min(created, modified))))
    graph.add((node, DCTERMS.modified, _when(modified)))
    graph.add((node, DCTERMS.publisher, publisher))
    graph.add((node, DCAT.contactPoint, contact))
    graph.add((node, DCAT.landingPage, _document(graph, f"{landing_url()}#{_anchor(dataset)}")))
    rights = URIRef(EU + "access-right/PUBLIC")
    graph.add((rights, RDF.type, DCTERMS.RightsStatement))
    graph.add((node, DCTERMS.accessRights, rights))
    for fmt in ("csv", "json"):
        graph.add((node, DCAT.distribution, _distribution(graph, dataset, fmt, licence, modified)))
    return node, set(facts.countries)


def _anchor(dataset: Dataset) -> str:
    return dataset.identifier.replace("/", "-")


def _distribution(graph, dataset: Dataset, fmt: str, licence, modified) -> URIRef:
    url = URIRef(data_url(f"{dataset.identifier}.{fmt}"))
    node = URIRef(f"{url}#distribution")
    graph.add((node, RDF.type, DCAT.Distribution))
    graph.add((node, DCAT.accessURL, url))
    graph.add((node, DCAT.downloadURL, url))
    graph.add((node, DCTERMS.title, Literal(f"{dataset.identifier}.{fmt}")))
    graph.add(
        (node, DCTERMS.description, Literal(f"{dataset.identifier} as {fmt.upper()}", lang="en"))
    )
    file_type = URIRef(FILE_TYPES[fmt])
    graph.add((file_type, RDF.type, DCTERMS.MediaTypeOrExtent))
    graph.add((node, DCTERMS.format, file_type))
    media = URIRef(IANA + MEDIA_TYPES[fmt])
    graph.add((media, RDF.type, DCTERMS.MediaType))
    graph.add((node, DCAT.mediaType, media))
    graph.add((node, DCTERMS.license, licence))
    graph.add((node, DCTERMS.modified, _when(modified)))
    graph.add((node, DCATAP.availability, URIRef(EU + "planned-availability/STABLE")))
    return node


def _publisher(graph: Graph) -> URIRef:
    node = URIRef(data_url("catalog#publisher"))
    graph.add((node, RDF.type, FOAF.Agent))
    graph.add((node, FOAF.name, Literal(settings.OPEN_DATA_PUBLISHER)))
    kind = URIRef("http://purl.org/adms/publishertype/" + settings.OPEN_DATA_PUBLISHER_TYPE)
    graph.add((kind, RDF.type, SKOS.Concept))
    graph.add((kind, SKOS.prefLabel, Literal(settings.OPEN_DATA_PUBLISHER_TYPE, lang="en")))
    graph.add((node, DCTERMS.type, kind))
    return node


def _contact(graph: Graph) -> URIRef:
    node = URIRef(data_url("catalog#contact"))
    graph.add((node, RDF.type, VCARD.Organization))
    graph.add((node, RDF.type, VCARD.Kind))
    graph.add((node, VCARD.fn, Literal(settings.OPEN_DATA_PUBLISHER)))
    graph.add((node, VCARD.hasEmail, URIRef("mailto:" + settings.OPEN_DATA_CONTACT_EMAIL)))
    return node


def _licence(graph: Graph, code: str) -> URIRef:
    licence = LICENCES[code]
    node = URIRef(licence.uri)
    graph.add((node, RDF.type, DCTERMS.LicenseDocument))
    kind = URIRef(licence.kind)
    graph.add((node, DCTERMS.type, kind))
    graph.add((kind, RDF.type, SKOS.Concept))
    graph.add((kind, SKOS.prefLabel, Literal(licence.kind.rsplit("/", 1)[1], lang="en")))
    graph.add((node, FOAF.page, _document(graph, licence.deed)))
    return node


def _theme(graph: Graph, code: str) -> URIRef:
    node = URIRef(DATA_THEME + code)
    graph.add((node, RDF.type, SKOS.Concept))
    graph.add((node, SKOS.prefLabel, Literal(DATA_THEME_LABELS[code], lang="en")))
    graph.add((node, SKOS.inScheme, URIRef(EU + "data-theme")))
    return node


def _location(graph: Graph, alpha3: str) -> URIRef:
    node = URIRef(EU + "country/" + alpha3)
    graph.add((node, RDF.type, DCTERMS.Location))
    return node


def _document(graph: Graph, url: str) -> URIRef:
    node = URIRef(url)
    graph.add((node, RDF.type, FOAF.Document))
    return node


# Translated once per language by `_texts`.
_CATALOGUE_TITLE = translation.gettext_lazy("%(site)s open data")
_CATALOGUE_DESCRIPTION = translation.gettext_lazy(
    "The public data of the citypeers platform: good practices of European cities, "
    "peer-learning programmes, their visits, calls, reports and news, themes and places."
)
