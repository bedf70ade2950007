"""The team gives a session its resources (slides, recordings, as links), each with a licence
and who may see it; changes and removals are traced."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from citypeers.core.audit import log_action
from citypeers.core.errors import VisitError
from citypeers.visits.enums import (
    RESOURCE_SCHEMES,
    RESOURCE_URL_MAX_LENGTH,
    ResourceLicence,
    ResourceVisibility,
)
from citypeers.visits.models import AgendaSession, SessionResource

TITLE_MAX_LENGTH = 200
EDITABLE = ("title", "url", "licence", "visibility")


def _clean_url(url: str) -> str:
    """A web link (https or http) of a sensible length; anything else is refused at the field."""
    url = url.strip()
    if not url:
        raise VisitError(_("Give the resource's link."), field="url")
    if len(url) > RESOURCE_URL_MAX_LENGTH:
        raise VisitError(
            _("A link is %(max)s characters at most.") % {"max": RESOURCE_URL_MAX_LENGTH},
            field="url",
        )
    if urlsplit(url).scheme.lower() not in RESOURCE_SCHEMES:
        raise VisitError(_("A link starts with https:// (or http://)."), field="url")
    try:
        URLValidator(schemes=list(RESOURCE_SCHEMES))(url)
    except ValidationError:
        raise VisitError(
            _("This is not a web address; copy it from the browser's address bar."), field="url"
        ) from None
    return url


def _clean(*, title: str, url: str, licence: str, visibility: str) -> dict:
    url = _clean_url(url)
    title = title.strip() or _title_from(url)
    if len(title) > TITLE_MAX_LENGTH:
        raise VisitError(
            _("A title is %(max)s characters at most.") % {"max": TITLE_MAX_LENGTH}, field="title"
        )
    if licence not in ResourceLicence.values:
        raise VisitError(_("Choose one of the licences listed."), field="licence")
    if visibility not in ResourceVisibility.values:
        raise VisitError(_("Choose who may see the resource."), field="visibility")
    return {"title": title, "url": url, "licence": licence, "visibility": visibility}


def _title_from(url: str) -> str:
    """An untitled link is named after its host and path, shortened."""
    parts = urlsplit(url)
    title = (parts.netloc + parts.path).rstrip("/") or url
    return title if len(title) <= 80 else title[:79] + "…"


def session_resource_add(
    *,
    session: AgendaSession,
    by,
    title: str,
    url: str,
    licence: str = ResourceLicence.UNKNOWN,
    visibility: str = ResourceVisibility.VISIT,
) -> SessionResource:
    """A resource at the end of the session's list; an empty title: the link's host and path."""
    fields = _clean(title=title, url=url, licence=licence, visibility=visibility)
    with transaction.atomic():
        last = SessionResource.objects.filter(session=session).aggregate(last=Max("position"))
        position = 0 if last["last"] is None else last["last"] + 1
        resource = SessionResource.objects.create(
            session=session, added_by=by, position=position, **fields
        )
        log_action(resource, "agenda.resource_added", by=by, changes=fields)
    return resource


def session_resource_update(*, resource: SessionResource, by, **fields) -> SessionResource:
    """Changes a resource's title, link, licence or visibility (the others are kept)."""
    current = {name: getattr(resource, name) for name in EDITABLE}
    wanted = _clean(**(current | {k: v for k, v in fields.items() if k in EDITABLE}))
    changed = {name: value for name, value in wanted.items() if current[name] != value}
    if changed:
        with transaction.atomic():
            for name, value in changed.items():
                setattr(resource, name, value)
            resource.save(update_fields=list(changed))
            log_action(resource, "agenda.resource_changed", by=by, changes=changed)
    return resource


def session_resource_remove(*, resource: SessionResource, by) -> None:
    """Removes a resource; the trail keeps what it was."""
    with transaction.atomic():
        log_action(
            resource.session,
            "agenda.resource_removed",
            by=by,
            changes={"title": resource.title, "url": resource.url},
        )
        resource.delete()
