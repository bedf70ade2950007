"""Hostile values posted to every form, generated from the URL configuration like the role
matrix: for each page of `tests.test_permissions.MATRIX` that shows a form, as a role that may
post it, each value below goes into the form's fields, grouped (every field at once, then the
fields people type into with the rest as the page filled them), never a cartesian product.
No answer may be a server error: a page with errors at the fields, or a redirect."""

from html.parser import HTMLParser

import pytest

from tests.test_permissions import MATRIX, World

HOSTILE = [
    "x" * 100_000,
    "Title\r\nBcc: spy@example.org",
    "nul\x00byte",
    "0001-01-01",
    "0001-01-01T00:00",
    "9999-12-31",
    "9999-12-31T23:59",
    "-1",
    "²",
    "1e309",
    "99999999999999999999",
    '<script>alert("x")</script>',
    "🏛️👩‍👩‍👧",
    "\u202eevil\u200f",
    "{nope} %(x)s %s",
]
# The roles that may post a page, tried in this order: the least powerful first.
ROLE_ORDER = ["participant", "reviewer", "host", "coordinator", "no_role", "staff"]
TYPED = {"text", "textarea", "number", "date", "datetime-local", "time", "email", "url", "search"}


class Forms(HTMLParser):
    """The POST forms of a page: each field's name, kind and the value the page gave it."""

    def __init__(self):
        super().__init__()
        self.forms, self._textarea = [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            method = (attrs.get("method") or "get").lower()
            self.forms.append(
                {"post": method == "post", "action": attrs.get("action"), "fields": []}
            )
        elif not self.forms or not attrs.get("name"):
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.forms[-1]["fields"].append((attrs["name"], kind, attrs.get("value") or ""))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif tag == "select":
            self.forms[-1]["fields"].append((attrs["name"], "select", ""))
        elif tag == "option" and self.forms[-1]["fields"]:
            name, kind, value = self.forms[-1]["fields"][-1]
            if kind == "select" and (not value or "selected" in attrs):
                self.forms[-1]["fields"][-1] = (name, kind, attrs.get("value") or "")

    def handle_data(self, data):
        if self._textarea:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea and self.forms:
            self.forms[-1]["fields"].append((self._textarea[0], "textarea", self._textarea[1]))
            self._textarea = None


def _form_pages():
    for name, cases in MATRIX.items():
        for case in cases:
            if case.method == "get" and case.ok == 200 and not case.query:
                role = next((r for r in ROLE_ORDER if r in case.allowed), None)
                if role:
                    yield pytest.param(name, case, role, id=f"{name}-{role}")
                break


def _posts(fields):
    """Each hostile value, in every field, then only in the fields people type into."""
    for value in HOSTILE:
        everything = {name: value for name, kind, _ in fields if kind != "hidden"}
        typed = {name: value for name, kind, _ in fields if kind in TYPED}
        for changed in (everything, typed):
            data = {}
            for name, _kind, given in fields:
                data.setdefault(name, [])
                data[name].append(changed.get(name, given))
            yield value, data


@pytest.fixture
def world(programme, visit):
    return World(programme, visit)


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "case", "role"), list(_form_pages()))
def test_no_hostile_value_in_any_field_gives_a_server_error(client, world, name, case, role):
    client.force_login(world.person(role))
    url = case.url(name, world)
    parser = Forms()
    parser.feed(client.get(url).content.decode())
    forms = [form for form in parser.forms if form["post"] and form["fields"]]
    if not forms:
        pytest.skip("no form to post on this page")
    for form in forms:
        target = form["action"] or url
        for value, data in _posts(form["fields"]):
            response = client.post(target, data)
            assert response.status_code < 500, f"{value!r} to {target}"
            assert response.status_code in {200, 302, 403, 404, 429}, f"{value!r} to {target}"
