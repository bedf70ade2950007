"""The widget pages and the builder are valid HTML (the Nu checker, as tests/test_html_validity.py
runs it), with items, empty, and with the builder's errors; the fragment is valid in a page."""

import pytest
from django.urls import reverse

from tests.factories import CallFactory
from tests.html_checker import html_errors, require_checker
from tests.library.test_widgets import announced_visit

pytestmark = pytest.mark.django_db


def test_the_widget_pages_are_valid_html(client, tmp_path):
    require_checker()
    pages = {
        "visits-empty": reverse("library:widget_visits"),
        "calls-empty": reverse("library:widget_calls") + "?accent=000000",
        "builder": reverse("library:widgets"),
        "builder-errors": reverse("library:widgets") + "?kind=calls&limit=0&accent=x",
    }
    for name, url in pages.items():
        (tmp_path / f"{name}.html").write_text(client.get(url).content.decode())
    announced_visit(title="A <visit> & more")
    CallFactory(title="A call")
    for kind in ("visits", "calls"):
        (tmp_path / f"{kind}.html").write_text(
            client.get(reverse(f"library:widget_{kind}")).content.decode()
        )
        fragment = client.get(reverse(f"library:widget_{kind}_html")).content.decode()
        (tmp_path / f"{kind}-fragment.html").write_text(
            f'<!DOCTYPE html><html lang="en"><head><title>Host site</title></head>'
            f"<body><main>{fragment}</main></body></html>"
        )
        (tmp_path / f"builder-{kind}.html").write_text(
            client.get(reverse("library:widgets") + f"?kind={kind}").content.decode()
        )
    errors = html_errors(tmp_path)
    assert errors == [], "\n".join(errors)
