import pytest

from tests.api.scene import build_scene


@pytest.fixture
def scene(db):
    return build_scene()


@pytest.fixture(autouse=True)
def _generous_limits(settings):
    """Limits high enough for any test; the rate-limit tests lower them."""
    settings.API_RATE_LIMIT_ANONYMOUS = (10000, 60)
    settings.API_RATE_LIMIT_TOKEN = (10000, 60)


def bearer(secret: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
