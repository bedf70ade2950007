"""Which writes change which public collection (`core.changes`): the API's `ETag`s and the open
data's caches are current as soon as such a write commits.

A model listed here marks its collections on save and delete, and a many-to-many field of it
on every change of its links. Private records (applications, reviews, attendance, answers…)
are not listed: writing them changes nothing the public or a token reader sees. Bulk updates
and raw SQL bypass signals, as for the search index; `citypeers` services do not use them on
these models.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from citypeers.core.changes import changed

ALL = ("practices", "programmes", "visits", "calls", "reports", "news", "themes", "places")
COLLECTIONS_OF_MODEL = {
    "catalogue.Practice": ("practices",),
    "people.Organisation": ("practices",),
    "places.Place": ("places", "practices", "visits", "calls"),
    # A theme or a programme shows in almost every collection (names, licences, filters).
    "programmes.Theme": ALL,
    "programmes.Programme": ALL,
    "programmes.Visit": ("visits", "calls", "reports", "news"),
    "visits.VisitPlan": ("visits",),
    "visits.AgendaSession": ("visits",),
    "visits.SessionResource": ("visits",),
    "calls.Call": ("calls",),
    "calls.Question": ("calls",),
    "reports.Report": ("reports",),
    "reports.ReportVersion": ("reports",),
    "news.NewsItem": ("news",),
    "news.NewsText": ("news",),
}


def _marker(collections: tuple[str, ...]):
    def mark(sender, raw: bool = False, **kwargs) -> None:
        if not raw:
            changed(*collections)

    return mark


def _link_marker(collections: tuple[str, ...]):
    def mark(sender, action: str, **kwargs) -> None:
        if action in {"post_add", "post_remove", "post_clear"}:
            changed(*collections)

    return mark


def connect_changes() -> None:
    for label, collections in COLLECTIONS_OF_MODEL.items():
        model = apps.get_model(label)  # a renamed model fails here, at start-up
        uid = f"library.changes.{label}"
        mark = _marker(collections)
        post_save.connect(mark, sender=model, weak=False, dispatch_uid=uid + ".saved")
        post_delete.connect(mark, sender=model, weak=False, dispatch_uid=uid + ".deleted")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _link_marker(collections),
                sender=field.remote_field.through,
                weak=False,
                dispatch_uid=f"{uid}.{field.name}",
            )
