import pytest

from tests.factories import CallFactory, VisitFactory


@pytest.fixture
def call(programme):
    """A call for one visit, Vantaa, with one place."""
    vantaa = VisitFactory(programme=programme, title="Vantaa", slug="vantaa")
    call = CallFactory(programme=programme, visits=[vantaa])
    call.selection_settings = {"mode": "merit", "visits": {str(vantaa.pk): {"capacity": 1}}}
    call.save()
    return call
