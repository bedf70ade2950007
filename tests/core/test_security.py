import re

import pytest
from django.urls import reverse

PUBLIC_PAGES = ["/en/", "/fr/", "/en/programmes/", "/en/places/", "/en/accounts/login/"]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_pages_carry_a_strict_content_security_policy(client, path):
    response = client.get(path)
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_pages_have_no_inline_script_or_style(client, path):
    html = client.get(path).text
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert not re.search(r"<style\b", html)
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html)


@pytest.mark.django_db
def test_forms_refuse_a_post_without_csrf_token(db):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("account_login"), {"login": "a@example.org", "password": "x"})
    assert response.status_code == 403


LOCKED = "Too many failed login attempts."


def _locked_out(client, *, client_address: str, account: int) -> bool:
    """A failed log-in through the load balancer: whether the address is locked out."""
    response = client.post(
        reverse("account_login"),
        {"login": f"person{account}@example.org", "password": "wrong"},
        REMOTE_ADDR="10.0.0.2",  # the load balancer, for everyone
        HTTP_X_FORWARDED_FOR=client_address,  # appended by the load balancer
    )
    assert response.status_code == 200
    return LOCKED in response.text


@pytest.mark.django_db
def test_behind_one_trusted_proxy_one_clients_failures_do_not_lock_out_another(client, settings):
    """Ten failures a minute from one address lock that address out; behind the load balancer
    the address is the client's from X-Forwarded-For, not the balancer's."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    for account in range(10):
        assert not _locked_out(client, client_address="203.0.113.5", account=account)
    assert _locked_out(client, client_address="203.0.113.5", account=10)
    assert not _locked_out(client, client_address="198.51.100.7", account=11)


@pytest.mark.django_db
def test_without_a_trusted_proxy_a_forged_forwarded_address_changes_nothing(client, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    for account in range(10):
        _locked_out(client, client_address=f"203.0.113.{account}", account=account)
    assert _locked_out(client, client_address="198.51.100.7", account=11)
