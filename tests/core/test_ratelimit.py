from unittest import mock

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import RequestFactory, override_settings

from citypeers.config import Config
from citypeers.core import ratelimit


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


@pytest.mark.django_db
def test_hits_over_the_limit_are_told_how_long_to_wait():
    with mock.patch.object(ratelimit.time, "time", return_value=1000.0):
        assert [ratelimit.hit("k", limit=2, window=60) for _ in range(3)] == [None, None, 20]


@pytest.mark.django_db
def test_a_new_window_starts_counting_again():
    with mock.patch.object(ratelimit.time, "time", return_value=1000.0):
        ratelimit.hit("k", limit=1, window=60)
        assert ratelimit.hit("k", limit=1, window=60) == 20
    with mock.patch.object(ratelimit.time, "time", return_value=1021.0):
        assert ratelimit.hit("k", limit=1, window=60) is None


@pytest.mark.django_db
def test_keys_are_counted_apart():
    ratelimit.hit("a", limit=1, window=60)
    assert ratelimit.hit("b", limit=1, window=60) is None


def test_the_429_says_when_to_try_again():
    response = ratelimit.too_many_requests(7)
    assert response.status_code == 429
    assert response["Retry-After"] == "7"


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_client_is_the_last_forwarded_address():
    request = RequestFactory().get(
        "/", HTTP_X_FORWARDED_FOR="6.6.6.6, 10.0.0.5", REMOTE_ADDR="10.0.0.1"
    )
    assert ratelimit.client_address(request) == "10.0.0.5"


def test_without_proxies_a_forged_header_is_ignored():
    request = RequestFactory().get("/", HTTP_X_FORWARDED_FOR="6.6.6.6", REMOTE_ADDR="10.0.0.1")
    assert ratelimit.client_address(request) == "10.0.0.1"


@pytest.mark.django_db
def test_the_shared_cache_keeps_log_in_counters_when_many_other_keys_arrive(monkeypatch, settings):
    """A flood of new keys (one per address an attacker rotates through) must not drop the
    counter that is holding a client back: Django's caches drop a third of their entries once
    they hold 300, so the shared cache is configured to keep many more."""
    monkeypatch.setenv("CACHE_URL", "dbcache://ratelimit_cull_test")
    settings.CACHES = {"default": Config().shared_cache("CACHE_URL", default="locmemcache://")}
    call_command("createcachetable", verbosity=0)
    assert ratelimit.hit("login:0.0.0.1", limit=1, window=600) is None
    for address in range(1000):
        ratelimit.hit(f"login:10.0.{address // 250}.{address % 250}", limit=1, window=600)

    assert ratelimit.hit("login:0.0.0.1", limit=1, window=600) is not None
