"""Keeps the search index current as practices and what they are filed under change.

Connected by LibraryConfig.ready(); the catalogue never imports the library. Indexing runs in
the saving transaction, so a rolled-back save leaves the index as it was. Bulk updates and
raw SQL bypass signals: `citypeers rebuild_search_index` puts everything right.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from citypeers.catalogue.models import Practice
from citypeers.library.indexing import index_practice, index_practices, remove_practice
from citypeers.library.report_cards import report_card_write
from citypeers.reports.enums import ReportStatus
from citypeers.reports.models import Report, ReportVersion

# The many-to-many fields of a practice whose names the index holds as its taxonomy.
TAXONOMY_FIELDS = ("places", "themes", "organisations")
_PENDING = "_library_search_practice_ids"


def _field_of(model) -> str:
    return next(
        name for name in TAXONOMY_FIELDS if Practice._meta.get_field(name).related_model is model
    )


def _published_practice_ids(field_name: str, instance) -> set[int]:
    practices = Practice.objects.filter(**{field_name: instance}, status=Practice.Status.PUBLISHED)
    return set(practices.values_list("pk", flat=True))


def practice_saved(sender, instance: Practice, raw: bool = False, **kwargs) -> None:
    # A fixture load (raw) may arrive before the rows a document reads; rebuild after it.
    if not raw:
        index_practice(instance)


def practice_deleted(sender, instance: Practice, **kwargs) -> None:
    remove_practice(instance.pk)


def practice_links_changed(sender, instance, action, reverse, model, pk_set, **kwargs) -> None:
    """Places, themes or organisations of practices changed, from either side of the link."""
    if not reverse:
        if action in {"post_add", "post_remove", "post_clear"}:
            index_practice(instance)
        return
    # From the other side (place.practices.add(...)) `pk_set` holds practice ids, except on a
    # clear, which does not say which practices lose the link: note them just before.
    if action == "pre_clear":
        setattr(instance, _PENDING, _published_practice_ids(_field_of(type(instance)), instance))
    elif action == "post_clear":
        index_practices(instance.__dict__.pop(_PENDING, ()))
    elif action in {"post_add", "post_remove"}:
        index_practices(pk_set or ())


def taxonomy_saved(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """A renamed place, theme or organisation is found under its new name."""
    if not created and not raw:
        index_practices(_published_practice_ids(_field_of(sender), instance))


def taxonomy_deleting(sender, instance, **kwargs) -> None:
    # After the delete the links are gone, and with them the way to the practices.
    setattr(instance, _PENDING, _published_practice_ids(_field_of(sender), instance))


def taxonomy_deleted(sender, instance, **kwargs) -> None:
    index_practices(instance.__dict__.pop(_PENDING, ()))


def connect() -> None:
    uid = "library.search."
    post_save.connect(practice_saved, sender=Practice, dispatch_uid=uid + "practice_saved")
    post_delete.connect(practice_deleted, sender=Practice, dispatch_uid=uid + "practice_deleted")
    for name in TAXONOMY_FIELDS:
        field = Practice._meta.get_field(name)
        m2m_changed.connect(
            practice_links_changed, sender=field.remote_field.through, dispatch_uid=uid + name
        )
        taxonomy = field.related_model
        post_save.connect(taxonomy_saved, sender=taxonomy, dispatch_uid=uid + name + ".saved")
        pre_delete.connect(taxonomy_deleting, sender=taxonomy, dispatch_uid=uid + name + ".del")
        post_delete.connect(taxonomy_deleted, sender=taxonomy, dispatch_uid=uid + name + ".gone")


def report_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    """A report published gets its card; unpublished (or never published), it has none."""
    if not raw:
        report_card_write(instance)


def report_version_saved(sender, instance, raw: bool = False, **kwargs) -> None:
    """The services add no version to a published report; anything else that does (the
    admin, a script) still finds its card holding the latest text."""
    if not raw and instance.report.status == ReportStatus.PUBLISHED:
        report_card_write(instance.report)


def connect_reports() -> None:
    post_save.connect(report_saved, sender=Report, dispatch_uid="library.report_saved")
    post_save.connect(
        report_version_saved, sender=ReportVersion, dispatch_uid="library.report_version_saved"
    )
