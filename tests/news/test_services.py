import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from citypeers.core.models import AuditEntry
from citypeers.news.errors import NewsError
from citypeers.news.models import NewsItem, NewsText
from citypeers.news.services import (
    news_item_create,
    news_item_delete,
    news_item_schedule,
    news_item_update,
    news_text_remove,
    news_text_save,
)
from tests.news.conftest import png, translate, write

pytestmark = pytest.mark.django_db


def _refused(call, **kwargs) -> NewsError:
    with pytest.raises(NewsError) as caught:
        call(**kwargs)
    return caught.value


def test_creating_needs_a_title_summary_and_text_each_at_its_field(coordinator):
    base = {"by": coordinator, "title": "T", "summary": "S", "body": "B"}
    for field in ("title", "summary", "body"):
        error = _refused(news_item_create, **(base | {field: "   "}))
        assert error.field == field
    assert not NewsItem.objects.exists()


def test_an_image_needs_its_description(coordinator):
    error = _refused(
        news_item_create, by=coordinator, title="T", summary="S", body="B", image=png()
    )
    assert error.field == "image_alt"
    item = write(by=coordinator, image=png(), image_alt="A blue harbour")
    assert item.image.name.endswith(".png")
    error = _refused(translate, item=item, image_alt="")
    assert error.field == "image_alt"
    assert list(item.texts.values_list("language", flat=True)) == ["en"]


def test_a_file_that_is_not_a_picture_is_refused_at_the_image(coordinator):
    fake = SimpleUploadedFile("cat.png", b"<script>alert(1)</script>", content_type="image/png")
    error = _refused(
        news_item_create,
        by=coordinator,
        title="T",
        summary="S",
        body="B",
        image=fake,
        image_alt="A cat",
    )
    assert error.field == "image"
    pdf = SimpleUploadedFile("cat.pdf", b"%PDF-1.4", content_type="application/pdf")
    assert (
        _refused(
            news_item_create,
            by=coordinator,
            title="T",
            summary="S",
            body="B",
            image=pdf,
            image_alt="A cat",
        ).field
        == "image"
    )


def test_adding_an_image_later_needs_a_description_in_every_language(coordinator):
    item = write(by=coordinator)
    translate(item)
    error = _refused(news_item_update, item=item, by=coordinator, image=png())
    assert error.field == "image"
    assert "English" in error.message and "French" in error.message
    for text in item.texts.all():
        news_text_save(
            item=item,
            by=coordinator,
            language=text.language,
            title=text.title,
            summary=text.summary,
            body=text.body,
            image_alt="Quay",
        )
    news_item_update(item=item, by=coordinator, image=png())
    item.refresh_from_db()
    assert item.image


def test_scheduling_in_the_past_is_refused_at_the_time(coordinator):
    item = write(by=coordinator, published=False)
    past = timezone.now() - datetime.timedelta(minutes=5)
    assert _refused(news_item_schedule, item=item, by=coordinator, at=past).field == "publish_at"
    item.refresh_from_db()
    assert item.publish_at is None


def test_the_original_text_cannot_be_removed_but_a_translation_can(coordinator):
    item = write(by=coordinator)
    translate(item)
    _refused(news_text_remove, item=item, by=coordinator, language="en")
    news_text_remove(item=item, by=coordinator, language="fr")
    assert list(NewsText.objects.filter(item=item).values_list("language", flat=True)) == ["en"]


def test_every_write_is_audited_with_who_did_it(coordinator):
    item = write(by=coordinator, published=False)
    translate(item, by=coordinator)
    news_item_schedule(item=item, by=coordinator, at=timezone.now() + datetime.timedelta(days=1))
    news_item_delete(item=item, by=coordinator)
    entries = AuditEntry.objects.filter(object_type="news.newsitem").order_by("pk")
    assert [e.action for e in entries] == [
        "news.created",
        "news.text_added",
        "news.scheduled",
        "news.deleted",
    ]
    assert {e.actor for e in entries} == {coordinator}
    assert entries[1].changes == {"language": "fr"}


def test_slugs_stay_unique_and_keep_clear_of_the_editor_addresses():
    first, second = write(title="Call open"), write(title="Call open")
    assert first.slug == "call-open" and second.slug.startswith("call-open-")
    assert write(title="Manage").slug != "manage"
