"""Six news items about the 2021 Cultural Heritage in Action visits, written through the news
services: the call opening, two visit recaps (one with a generated image and its description),
a published report, one scheduled a week ahead and one left as a draft. English throughout,
French for some, so the fallback shows on the others."""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from citypeers.news.models import NewsItem
from citypeers.news.services import (
    news_item_create,
    news_item_publish,
    news_item_schedule,
    news_text_save,
)
from citypeers.reports.enums import ReportStatus
from citypeers.reports.models import Report

UTC = datetime.UTC


def _picture() -> ContentFile:
    """A small harbour-blue picture with a lighter band: enough to show an image and its alt."""
    picture = Image.new("RGB", (640, 360), (24, 92, 140))
    ImageDraw.Draw(picture).rectangle((0, 240, 640, 300), fill=(220, 200, 150))
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue(), name="online-visit.png")


def _item(*, by, programme, english: dict, french: dict | None = None, **more) -> NewsItem:
    item = news_item_create(by=by, programme=programme, **english, **more)
    if french:
        news_text_save(item=item, by=by, language="fr", **french)
    return item


def news_demo_load(*, programme, visits, coordinator) -> int:
    """Returns how many items it wrote (none when the demo already has news)."""
    if NewsItem.objects.exists():
        return 0
    first, second = visits[0], visits[1]
    report = (
        Report.objects.filter(visit__in=visits, status=ReportStatus.PUBLISHED)
        .select_related("visit")
        .first()
    )
    call = _item(
        by=coordinator,
        programme=programme,
        english={
            "title": "Call open: ten online peer-learning visits in 2021",
            "summary": "Cities and cultural-heritage organisations can apply to join one of "
            "ten online visits.",
            "body": "The call for participants of **Cultural Heritage in Action 2021** is "
            "open.\n\n- ten online visits of 3 to 5 days\n- about 24 participants each\n\n"
            "Apply from the programme's page.",
        },
        french={
            "title": "Appel ouvert : dix visites d'apprentissage en ligne en 2021",
            "summary": "Villes et organisations du patrimoine culturel peuvent se porter "
            "candidates à l'une des dix visites en ligne.",
            "body": "L'appel à participants de **Cultural Heritage in Action 2021** est "
            "ouvert.\n\n- dix visites en ligne de 3 à 5 jours\n- environ 24 participants "
            "chacune",
        },
    )
    news_item_publish(item=call, by=coordinator, now=datetime.datetime(2021, 1, 15, 9, tzinfo=UTC))
    recap = _item(
        by=coordinator,
        programme=programme,
        visits=[first],
        image=_picture(),
        english={
            "title": f"Recap: {first.title}",
            "summary": f"Three days online with {first.host_place.name} and its peers.",
            "body": f"Participants met the team of {first.host_place.name} online, asked "
            "their questions and reviewed the practice together.",
            "image_alt": "A blue screen with a sand-coloured band: the shared screen of the "
            "online visit.",
        },
        french={
            "title": f"Retour sur : {first.title}",
            "summary": f"Trois jours en ligne avec {first.host_place.name} et ses pairs.",
            "body": "Les participants ont rencontré l'équipe hôte en ligne.",
            "image_alt": "Un écran bleu barré d'une bande couleur sable : l'écran partagé de "
            "la visite en ligne.",
        },
    )
    ended = first.ends_on or datetime.date(2021, 6, 1)
    news_item_publish(
        item=recap,
        by=coordinator,
        now=datetime.datetime.combine(ended, datetime.time(16), tzinfo=UTC),
    )
    second_recap = _item(
        by=coordinator,
        programme=programme,
        visits=[second],
        english={
            "title": f"Recap: {second.title}",
            "summary": f"{second.host_place.name} opened its practice to peers from across Europe.",
            "body": "Short sessions of at most two hours a day kept everyone on screen and "
            "talking.",
        },
    )
    ended = second.ends_on or datetime.date(2021, 7, 1)
    news_item_publish(
        item=second_recap,
        by=coordinator,
        now=datetime.datetime.combine(ended, datetime.time(16), tzinfo=UTC),
    )
    if report is not None:
        published = _item(
            by=coordinator,
            programme=programme,
            visits=[report.visit],
            reports=[report],
            english={
                "title": f"Report published: {report.title}",
                "summary": "The visit's analytical report is out, with its recommendations.",
                "body": "Read what the peers found and what they recommend.",
            },
        )
        when = report.published_at or datetime.datetime(2021, 12, 1, 9, tzinfo=UTC)
        news_item_publish(item=published, by=coordinator, now=when)
    scheduled = _item(
        by=coordinator,
        programme=programme,
        english={
            "title": "What the 2021 visits taught us",
            "summary": "A look back at ten online visits, published next week.",
            "body": "Lessons from the year's visits, format by format.",
        },
    )
    news_item_schedule(
        item=scheduled, by=coordinator, at=timezone.now() + datetime.timedelta(days=7)
    )
    _item(
        by=coordinator,
        programme=programme,
        english={
            "title": "Draft: next year's programme",
            "summary": "Not ready yet.",
            "body": "To be written.",
        },
    )
    return NewsItem.objects.count()
