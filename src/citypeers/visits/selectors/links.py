"""Links the apps above this one add to a visit's page and workspace (reports: the visit's
report), registered from their `ready()` as confirmed places are (`roster`), so this app
imports none of them."""

from collections.abc import Callable, Iterable

from citypeers.programmes.models import Visit

# A function of (visit, user) giving (label, address) pairs the person may follow.
LinkSource = Callable[[Visit, object], Iterable[tuple[str, str]]]
VISIT_LINK_SOURCES: list[LinkSource] = []


def visit_links_register(source: LinkSource) -> None:
    """Called from an app's `ready()`; registering the same source twice keeps one."""
    if source not in VISIT_LINK_SOURCES:
        VISIT_LINK_SOURCES.append(source)


def visit_links(visit: Visit, user) -> list[tuple[str, str]]:
    return [link for source in VISIT_LINK_SOURCES for link in source(visit, user)]
