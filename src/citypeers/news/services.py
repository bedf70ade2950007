"""Writing news: the item (its programme, image, links), its texts one language at a time,
and when it goes out. Each write is audited; the image is checked as practices' images are
(a real picture, of an allowed type, at most 5 MB), and every text of an item with an image
describes it."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from citypeers.core.audit import log_action
from citypeers.core.saving import save_with_free_slug
from citypeers.news.enums import RESERVED_SLUGS
from citypeers.news.errors import NewsError
from citypeers.news.models import NewsItem, NewsText
from citypeers.news.selectors import LANGUAGE_NAMES, slug_taken

TEXT_LIMITS = {"title": 200, "summary": 400, "image_alt": 300}


def _new_slug(title: str) -> str:
    base = slugify(title)[:180].strip("-") or "news"
    slug = base if base not in RESERVED_SLUGS else f"{base}-1"
    while slug_taken(slug):
        slug = f"{base}-{get_random_string(6).lower()}"
    return slug


def _check_image(image) -> None:
    """A picture Pillow can read, of an allowed type and size (the model's validators)."""
    if not image:
        return
    field = NewsItem._meta.get_field("image")
    try:
        for validator in field.validators:
            validator(image)
    except ValidationError as error:
        raise NewsError(error.messages[0], field="image") from None
    position = image.tell() if hasattr(image, "tell") else None
    try:
        with Image.open(image) as picture:
            picture.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise NewsError(_("This file is not an image we can show."), field="image") from None
    finally:
        if position is not None:
            image.seek(position)


def _check_text(*, title: str, summary: str, body: str, image_alt: str, has_image: bool) -> dict:
    values = {
        "title": (title or "").strip(),
        "summary": (summary or "").strip(),
        "body": (body or "").strip(),
        "image_alt": (image_alt or "").strip(),
    }
    for field, message in (
        ("title", _("Give the news item a title.")),
        ("summary", _("Give a short summary: it is what lists and feeds show.")),
        ("body", _("Write the text of the news item.")),
    ):
        if not values[field]:
            raise NewsError(message, field=field)
    for field, limit in TEXT_LIMITS.items():
        if len(values[field]) > limit:
            raise NewsError(_("At most %(limit)s characters.") % {"limit": limit}, field=field)
    if has_image and not values["image_alt"]:
        raise NewsError(_("Describe the image for people who cannot see it."), field="image_alt")
    return values


def _check_language(language: str) -> None:
    if language not in LANGUAGE_NAMES:
        raise NewsError(_("Choose a language of the site."), field="language")


def _set_links(item: NewsItem, *, visits, practices, reports, themes) -> None:
    item.visits.set(visits)
    item.practices.set(practices)
    item.reports.set(reports)
    item.themes.set(themes)


def news_item_create(
    *,
    by,
    programme=None,
    original_language: str = "en",
    title: str,
    summary: str,
    body: str,
    image=None,
    image_alt: str = "",
    visits=(),
    practices=(),
    reports=(),
    themes=(),
) -> NewsItem:
    """A draft, with its text in the language it is written in."""
    _check_language(original_language)
    values = _check_text(
        title=title, summary=summary, body=body, image_alt=image_alt, has_image=bool(image)
    )
    _check_image(image)
    with transaction.atomic():
        item = NewsItem(
            programme=programme,
            original_language=original_language,
            image=image or "",
            created_by=by if by is not None and by.is_authenticated else None,
        )
        # Two items of one title saved at once both find its slug free: the second takes the
        # next one instead of failing.
        save_with_free_slug(item, make_slug=lambda: _new_slug(values["title"]), save=item.save)
        NewsText.objects.create(item=item, language=original_language, **values)
        _set_links(item, visits=visits, practices=practices, reports=reports, themes=themes)
        log_action(item, "news.created", by=by, changes={"language": original_language})
    return item


def news_item_update(
    *,
    item: NewsItem,
    by,
    programme=None,
    image=None,
    remove_image: bool = False,
    visits=(),
    practices=(),
    reports=(),
    themes=(),
) -> NewsItem:
    """The language-neutral part: programme, image (kept unless replaced or removed), links.
    A new image needs a description in every language the item has."""
    if image:
        _check_image(image)
        missing = [t.language for t in item.texts.all() if not t.image_alt.strip()]
        if missing:
            names = ", ".join(str(LANGUAGE_NAMES[code]) for code in missing)
            raise NewsError(
                _("Describe the image in every language first; missing: %(languages)s.")
                % {"languages": names},
                field="image",
            )
    changes = {}
    with transaction.atomic():
        if programme != item.programme:
            changes["programme"] = str(programme or "")
            item.programme = programme
        if image:
            item.image = image
            changes["image"] = "replaced"
        elif remove_image and item.image:
            item.image = ""
            changes["image"] = "removed"
        item.save()
        _set_links(item, visits=visits, practices=practices, reports=reports, themes=themes)
        log_action(item, "news.updated", by=by, changes=changes)
    return item


def news_text_save(
    *, item: NewsItem, by, language: str, title: str, summary: str, body: str, image_alt: str = ""
) -> NewsText:
    """Adds the text in a language, or changes it."""
    _check_language(language)
    values = _check_text(
        title=title, summary=summary, body=body, image_alt=image_alt, has_image=bool(item.image)
    )
    with transaction.atomic():
        text, created = NewsText.objects.update_or_create(
            item=item, language=language, defaults=values
        )
        item.save(update_fields=["updated_at"])
        action = "news.text_added" if created else "news.text_changed"
        log_action(item, action, by=by, changes={"language": language})
    return text


def news_text_remove(*, item: NewsItem, by, language: str) -> None:
    """Removes a translation; the original language stays."""
    if language == item.original_language:
        raise NewsError(_("The text in the language it was written in cannot be removed."))
    with transaction.atomic():
        deleted, _rows = NewsText.objects.filter(item=item, language=language).delete()
        if deleted:
            item.save(update_fields=["updated_at"])
            log_action(item, "news.text_removed", by=by, changes={"language": language})


def _set_publish_at(item: NewsItem, *, by, at, action: str) -> NewsItem:
    with transaction.atomic():
        item.publish_at = at
        item.save(update_fields=["publish_at", "updated_at"])
        log_action(item, action, by=by, changes={"publish_at": at.isoformat() if at else ""})
    return item


def news_item_schedule(
    *, item: NewsItem, by, at: datetime.datetime, now: datetime.datetime | None = None
) -> NewsItem:
    """Goes out at `at` (in the future): nothing runs then, the public lists compare with now."""
    if at is None or at <= (now or timezone.now()):
        raise NewsError(_("Choose a time in the future, or publish it now."), field="publish_at")
    return _set_publish_at(item, by=by, at=at, action="news.scheduled")


def news_item_publish(*, item: NewsItem, by, now: datetime.datetime | None = None) -> NewsItem:
    at = (now or timezone.now()).replace(microsecond=0)
    return _set_publish_at(item, by=by, at=at, action="news.published")


def news_item_unpublish(*, item: NewsItem, by) -> NewsItem:
    """Back to a draft, whether it was out or scheduled."""
    return _set_publish_at(item, by=by, at=None, action="news.unpublished")


def news_item_delete(*, item: NewsItem, by) -> None:
    with transaction.atomic():
        log_action(item, "news.deleted", by=by, changes={"slug": item.slug})
        image = item.image
        item.delete()
        if image:
            transaction.on_commit(lambda: image.storage.delete(image.name))
