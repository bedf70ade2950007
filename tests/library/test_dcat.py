"""The DCAT-AP 3.0 catalogue at /data/catalog.ttl and /data/catalog.jsonld: it parses, holds a
dataset per collection (per programme for the programme-owned ones) with its licence,
publisher, distributions and dates, and conforms to the DCAT-AP 3.0 shapes."""

from pathlib import Path

import pyshacl
import pytest
from django.core.cache import cache
from django.test import Client
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF

from citypeers.library.opendata.dcat import catalogue_graph
from tests.library.opendata_world import PRIVATE_WORDS, build_open_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_world(db) -> dict:
    return build_open_world()


SHAPES = Path(__file__).parent / "shapes"
EU = "http://publications.europa.eu/resource/authority/"
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")


def _catalogue(fmt: str = "ttl") -> Graph:
    response = Client().get(f"/data/catalog.{fmt}")
    assert response.status_code == 200
    kinds = {"ttl": ("text/turtle", "turtle"), "jsonld": ("application/ld+json", "json-ld")}
    content_type, parser = kinds[fmt]
    assert response["Content-Type"].startswith(content_type)
    return Graph().parse(data=response.content.decode(), format=parser)


def _dataset(graph: Graph, identifier: str) -> URIRef:
    (node,) = graph.subjects(DCTERMS.identifier, Literal(identifier))
    return node


def _conforms(graph: Graph, shapes: str, **options) -> tuple[bool, str]:
    conforms, _report, text = pyshacl.validate(
        graph, shacl_graph=str(SHAPES / shapes), inference="none", **options
    )
    return conforms, text


def test_turtle_and_json_ld_hold_the_same_triples(open_world):
    assert isomorphic(_catalogue("ttl"), _catalogue("jsonld"))


def test_a_dataset_per_collection_and_per_programme(open_world):
    graph = _catalogue()
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    identifiers = {
        str(graph.value(d, DCTERMS.identifier)) for d in graph.objects(catalogue, DCAT.dataset)
    }
    site = {"practices", "programmes", "themes", "places", "news"}
    per_programme = {
        f"programmes/{slug}/{name}"
        for slug in ("heritage-cities", "green-cities")
        for name in ("visits", "calls", "reports", "news")
    }
    assert identifiers == site | per_programme


def test_each_dataset_has_licence_publisher_distributions_and_dates(open_world, settings):
    graph = _catalogue()
    for dataset in graph.subjects(RDF.type, DCAT.Dataset):
        assert graph.value(dataset, DCTERMS.publisher) is not None
        assert graph.value(dataset, DCTERMS.modified).datatype.endswith("dateTime")
        assert graph.value(dataset, DCTERMS.issued) is not None
        distributions = list(graph.objects(dataset, DCAT.distribution))
        formats = {str(graph.value(d, DCTERMS.format)) for d in distributions}
        assert formats == {EU + "file-type/CSV", EU + "file-type/JSON"}
        for distribution in distributions:
            assert graph.value(distribution, DCTERMS.license) is not None
            url = graph.value(distribution, DCAT.downloadURL)
            assert Client().get(str(url).removeprefix(settings.SITE_URL)).status_code == 200


def test_the_programme_licence_shows_in_its_datasets_and_the_site_licence_elsewhere(open_world):
    graph = _catalogue()
    cc0, cc_by = URIRef(EU + "licence/CC0"), URIRef(EU + "licence/CC_BY_4_0")
    for name in ("visits", "calls", "reports", "news"):
        ours = _dataset(graph, f"programmes/heritage-cities/{name}")
        theirs = _dataset(graph, f"programmes/green-cities/{name}")
        assert {
            graph.value(d, DCTERMS.license) for d in graph.objects(ours, DCAT.distribution)
        } == {cc0}
        assert {
            graph.value(d, DCTERMS.license) for d in graph.objects(theirs, DCAT.distribution)
        } == {cc_by}
    practices = _dataset(graph, "practices")
    assert {
        graph.value(d, DCTERMS.license) for d in graph.objects(practices, DCAT.distribution)
    } == {cc_by}


def test_publisher_contact_point_and_languages(open_world, settings):
    graph = _catalogue()
    (catalogue,) = graph.subjects(RDF.type, DCAT.Catalog)
    publisher = graph.value(catalogue, DCTERMS.publisher)
    assert (publisher, RDF.type, FOAF.Agent) in graph
    assert graph.value(publisher, FOAF.name) == Literal(settings.OPEN_DATA_PUBLISHER)
    contact = graph.value(catalogue, DCAT.contactPoint)
    assert graph.value(contact, VCARD.hasEmail) == URIRef(
        "mailto:" + settings.OPEN_DATA_CONTACT_EMAIL
    )
    titles = {title.language: str(title) for title in graph.objects(catalogue, DCTERMS.title)}
    assert titles["en"] == "citypeers open data"
    assert titles["fr"] == "Données ouvertes de citypeers"
    assert set(titles) == {code for code, _name in settings.LANGUAGES}  # every offered language
    descriptions = {t.language for t in graph.objects(catalogue, DCTERMS.description)}
    assert descriptions == set(titles)


def test_themes_and_countries_come_from_the_eu_vocabularies(open_world):
    graph = _catalogue()
    practices = _dataset(graph, "practices")
    assert URIRef(EU + "data-theme/SOCI") in set(graph.objects(practices, DCAT.theme))
    assert set(graph.objects(practices, DCTERMS.spatial)) == {URIRef(EU + "country/FRA")}
    visits = _dataset(graph, "programmes/heritage-cities/visits")
    assert set(graph.objects(visits, DCTERMS.spatial)) == {
        URIRef(EU + "country/FRA"),
        URIRef(EU + "country/EST"),
    }
    period = graph.value(visits, DCTERMS.temporal)
    assert str(graph.value(period, DCAT.startDate)) == "2026-01-01"


def test_the_catalogue_conforms_to_the_mandatory_shapes(open_world):
    conforms, text = _conforms(_catalogue(), "dcat_ap_3_mandatory.ttl")
    assert conforms, text


def test_the_catalogue_conforms_to_the_recommended_shapes(open_world):
    conforms, text = _conforms(_catalogue(), "dcat_ap_3_recommended.ttl", allow_warnings=True)
    assert conforms, text


def test_a_dataset_without_a_title_does_not_conform(open_world):
    graph = _catalogue()
    graph.remove((_dataset(graph, "practices"), DCTERMS.title, None))
    conforms, text = _conforms(graph, "dcat_ap_3_mandatory.ttl")
    assert not conforms and "title" in text


def test_a_distribution_without_access_url_does_not_conform(open_world):
    graph = _catalogue()
    graph.remove((None, DCAT.accessURL, None))
    assert not _conforms(graph, "dcat_ap_3_mandatory.ttl")[0]


def test_private_records_never_reach_the_catalogue(open_world):
    text = Client().get("/data/catalog.ttl").content.decode()
    for word in PRIVATE_WORDS:
        assert word not in text


def test_the_second_request_is_served_from_the_cache(open_world, django_assert_max_num_queries):
    Client().get("/data/catalog.ttl")
    with django_assert_max_num_queries(0):
        response = Client().get("/data/catalog.jsonld")
    assert response.status_code == 200


def test_a_licence_change_rebuilds_the_catalogue(open_world, django_capture_on_commit_callbacks):
    before = _catalogue()
    etag = Client().get("/data/catalog.ttl")["ETag"]
    with django_capture_on_commit_callbacks(execute=True):
        open_world["programme"].data_licence = "ODbL-1.0"
        open_world["programme"].save()
    after = _catalogue()
    odbl = URIRef(EU + "licence/ODC_BL")
    assert odbl not in set(before.objects(None, DCTERMS.license))
    assert odbl in set(after.objects(None, DCTERMS.license))
    assert Client().get("/data/catalog.ttl", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_catalogue_answers_304_while_nothing_changes(open_world):
    etag = Client().get("/data/catalog.ttl")["ETag"]
    assert Client().get("/data/catalog.ttl", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_an_empty_platform_still_has_a_conforming_catalogue(db):
    cache.clear()
    graph = catalogue_graph()
    assert _conforms(graph, "dcat_ap_3_mandatory.ttl")[0]
