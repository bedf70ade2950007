"""schemathesis against /api/v1/schema/: a bounded number of generated requests per operation,
valid and invalid, on a small world; none may get a server error or an answer the document
does not describe (status, content type, headers, body)."""

import os

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from citypeers.wsgi import application
from tests.api.scene import build_scene

# Loaded when the module is collected: the document is built from the code, no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.fixture
def world(db):
    """The scene, read through the WSGI application in the test's transaction: as Django's test
    client does, requests do not close the connection when they end."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield build_scene()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=int(os.environ.get("API_FUZZ_EXAMPLES", 10)),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_the_api_answers_every_generated_request_as_its_document_says(case, world):
    case.call_and_validate()
