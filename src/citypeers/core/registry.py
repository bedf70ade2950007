"""How an app learns from apps above it without importing them: it keeps a `Sources` list that
those apps fill from their `ready()` (calls gives visits its confirmed places, reports and
feedback give a visit's page their links, …), and calls what was registered."""

from typing import TypeVar

T = TypeVar("T")


class Sources(list[T]):
    """The functions (or records) registered so far, in the order registered."""

    def register(self, source: T) -> None:
        """Called from an app's `ready()`; registering the same source twice keeps one."""
        if source not in self:
            self.append(source)
