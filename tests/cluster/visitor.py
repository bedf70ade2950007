"""People using the cluster through HAProxy, each in their own "browser": a requests session
keeping their cookies, reading each page's HTML and sending its forms as a browser would
(every field's value as the page gave it, the CSRF token included, with what the person
typed on top). Every answer's app server (HAProxy's X-Served-By) is noted, in order, in a
list all the people share, so a test can tell which server answered which request."""

import dataclasses
import re
from urllib.parse import urljoin, urlsplit

import lxml.html
import requests

TIMEOUT_SECONDS = 30


@dataclasses.dataclass(frozen=True)
class Answer:
    """One HTTP answer as the client saw it, and which app server gave it."""

    method: str
    path: str
    status: int
    server: str

    def __str__(self) -> str:
        return f"{self.server} {self.status} {self.method} {self.path}"


class Page:
    """An HTML answer: its status, where it ended (after redirects), and what it shows."""

    def __init__(self, response: requests.Response):
        self.response = response
        self.status = response.status_code
        self.url = response.url
        self.path = urlsplit(response.url).path
        self.html = lxml.html.fromstring(response.content, base_url=response.url)

    @property
    def heading(self) -> str:
        return _folded(self.html.xpath("//h1")[0])

    @property
    def text(self) -> str:
        """The page's main text on one line, spaces folded."""
        return _folded((self.html.xpath("//main") or [self.html])[0])

    @property
    def messages(self) -> list[str]:
        """What the page says at its top after an action ("Your scores are saved.")."""
        return [
            _folded(p)
            for p in self.html.xpath("//*[@role='status']//p[contains(@class, 'message')]")
        ]

    @property
    def errors(self) -> str:
        """The error summary and the fields' errors, for an assertion's message."""
        found = self.html.xpath("//*[@role='alert'] | //*[contains(@class, 'errorlist')]")
        return " | ".join(_folded(element) for element in found)

    def link(self, text: str) -> str:
        """The address of the link showing `text` (exactly, spaces folded)."""
        for anchor in self.html.xpath("//a[@href]"):
            if _folded(anchor) == text:
                return anchor.get("href")
        raise AssertionError(f"no link {text!r} on {self.path}")

    def fill(self, form, fields: dict) -> tuple[list, dict]:
        """The form's values as the page gave them, then `fields` on top, each found by its
        label as a person finds it ("Motivation > 4": the "4" of the group whose legend starts
        with "Motivation"): a text for a text field, the start of an option's text for a
        select, True to tick a box, (name, bytes, type) for a file. Returns the values and
        the files to send."""
        values, files, replaced = [], {}, {}
        for label, value in fields.items():
            control = self._control(form, label)
            name, kind = control.get("name"), control.get("type")
            if kind == "file":
                files[name] = value
            elif kind in {"checkbox", "radio"}:
                assert value is True, f"{label!r}: tick a box with True"
                if kind == "radio":  # the one chosen in its group replaces any other
                    replaced.setdefault(name, [])
                values.append((name, control.get("value", "on")))
            elif control.tag == "select":
                # "Heritage walks in Vantaa" chooses "Heritage walks in Vantaa (Vantaa, 15 Feb…)".
                [option] = [o for o in control.xpath(".//option") if _folded(o).startswith(value)]
                replaced[name] = [option.get("value")]
            else:
                replaced[name] = [value]
        kept = [(name, value) for name, value in form.form_values() if name not in replaced]
        chosen = [(name, one) for name, several in replaced.items() for one in several]
        return kept + chosen + values, files

    def _control(self, form, label: str):
        group, _sep, wanted = label.rpartition(" > ")
        scope = form
        if group:
            [scope] = [
                fieldset
                for fieldset in form.xpath(".//fieldset")
                if (legend := fieldset.xpath("./legend")) and _folded(legend[0]).startswith(group)
            ]
        found = [tag for tag in scope.xpath(".//label[@for]") if _folded(tag) == wanted]
        assert len(found) == 1, f"{len(found)} labels {label!r} on {self.path}"
        [control] = form.xpath(f".//*[@id='{found[0].get('for')}']")
        return control

    def form_with_button(self, label: str):
        """The form holding the button showing `label`, and that button."""
        for button in self.html.xpath("//form//button | //form//input[@type='submit']"):
            shown = button.get("value", "") if button.tag == "input" else _folded(button)
            if " ".join(shown.split()) == label:
                return next(button.iterancestors("form")), button
        raise AssertionError(f"no button {label!r} on {self.path}: {self.text[:300]}")


class Visitor:
    """One person in their own browser (their own cookies)."""

    def __init__(self, base_url: str, answers: list[Answer]):
        self.base_url = base_url
        self.answers = answers
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = "en"

    def get(self, path: str) -> Page:
        page = Page(self.download(path))
        assert page.status == 200, f"GET {path}: {page.status}: {page.errors}"
        return page

    def download(self, path: str) -> requests.Response:
        response = self.session.get(urljoin(self.base_url, path), timeout=TIMEOUT_SECONDS)
        return self._note(response)

    def press(self, page: Page, button: str, *, fields: dict | None = None) -> Page:
        """Fills the form holding `button` (`fields` by label, see `Page.fill`) and presses
        the button, following the redirect as a browser does."""
        form, pressed = page.form_with_button(button)
        values, files = page.fill(form, fields or {})
        if pressed.get("name"):
            values.append((pressed.get("name"), pressed.get("value", "")))
        action = urljoin(page.url, form.get("action") or page.url)
        method = (form.get("method") or "get").lower()
        if method == "get":
            response = self.session.get(action, params=values, timeout=TIMEOUT_SECONDS)
        else:
            response = self.session.post(
                action,
                data=values,
                files=files or None,
                headers={"Referer": page.url},
                timeout=TIMEOUT_SECONDS,
            )
        answer = Page(self._note(response))
        assert answer.status == 200, f"{button!r} on {page.path}: {answer.status}: {answer.errors}"
        return answer

    def _note(self, response: requests.Response) -> requests.Response:
        for one in [*response.history, response]:
            self.answers.append(
                Answer(
                    one.request.method,
                    urlsplit(one.url).path,
                    one.status_code,
                    one.headers.get("X-Served-By", "none"),
                )
            )
        return response


def _folded(element) -> str:
    return " ".join(" ".join(element.itertext()).split())


def mailed_link(text: str, path_part: str) -> str:
    """The path of the first link in `text` whose address holds `path_part`."""
    found = re.search(rf"https?://[^/\s]+(/\S*{re.escape(path_part)}\S*)", text)
    assert found, f"no link with {path_part!r} in: {text[:500]}"
    return found.group(1)
