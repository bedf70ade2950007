"""Plain-Python decision cores (no Django): each reads and writes JSON-shaped data."""


class InstanceError(ValueError):
    """A malformed instance; the message names the field, in one line."""
