"""The news pages are valid HTML (the W3C Nu checker, as tests/test_html_validity.py runs it)."""

import pytest
from django.urls import reverse

from tests.factories import ThemeFactory
from tests.html_checker import html_errors, require_checker
from tests.news.conftest import png, translate, write

pytestmark = pytest.mark.django_db


def _pages(client, visit, coordinator) -> dict[str, str]:
    programme = visit.programme
    get = lambda address, **kw: client.get(address, **kw).content.decode()  # noqa: E731
    pages = {"empty_list": get(reverse("news:list"))}
    item = write(
        programme=programme,
        visits=[visit],
        themes=[ThemeFactory()],
        image=png(),
        image_alt="A quay",
        body="# Heading\n\n- one\n- two\n\n<script>x</script> [link](https://example.org)",
    )
    draft = write(programme=programme, title="Draft", published=False)
    translate(draft, image_alt="")
    pages |= {
        "list": get(reverse("news:list")),
        "detail": get(reverse("news:detail", args=[item.slug])),
        "detail_fallback_fr": get(f"/fr/news/{item.slug}/"),
        "home": get(reverse("core:home")),
    }
    client.force_login(coordinator)
    pages |= {
        "detail_draft": get(reverse("news:detail", args=[draft.slug])),
        "manage": get(reverse("news:manage")),
        "create": get(reverse("news:create")),
        "create_errors": client.post(reverse("news:create"), {"title": "x"}).content.decode(),
        "edit": get(reverse("news:edit", args=[item.slug])),
        "schedule_error": client.post(
            reverse("news:schedule", args=[draft.slug]), {"publish_at": "2001-01-01T00:00"}
        ).content.decode(),
        "text": get(reverse("news:text", args=[draft.slug, "fr"])),
        "text_errors": client.post(reverse("news:text", args=[item.slug, "fr"])).content.decode(),
        "delete": get(reverse("news:delete", args=[item.slug])),
    }
    return pages


def test_the_news_pages_are_valid_html(client, visit, coordinator, tmp_path):
    require_checker()
    pages = _pages(client, visit, coordinator)
    for name, html in pages.items():
        (tmp_path / f"{name}.html").write_text(html)
    errors = html_errors(tmp_path)
    assert errors == [], "\n".join(errors)
    assert len(pages) == 14
