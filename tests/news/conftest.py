import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from citypeers.news.services import news_item_create, news_item_publish, news_text_save


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def png(name: str = "harbour.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (20, 120, 200)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def write(*, by=None, programme=None, title="Tampere recap", published=True, **more):
    """An item in English, published a minute ago unless told otherwise."""
    fields = {"summary": "Three days on the lakes.", "body": "We **met** the library."} | more
    item = news_item_create(by=by, programme=programme, title=title, **fields)
    if published:
        news_item_publish(item=item, by=by, now=timezone.now() - datetime.timedelta(minutes=1))
    return item


def translate(item, *, language="fr", title="Bilan de Tampere", by=None, **more):
    fields = {"summary": "Trois jours.", "body": "Nous avons vu la bibliothèque."} | more
    return news_text_save(item=item, by=by, language=language, title=title, **fields)
