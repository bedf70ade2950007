"""Facts the API's layers share; imports nothing of the app."""

# A token is recognisable in logs and secret scanners by its prefix.
TOKEN_PREFIX = "cp_"  # noqa: S105 - a prefix, not a secret
# How many characters of a token its list shows, so a coordinator tells tokens apart.
TOKEN_SHOWN_CHARS = 8
# `last_used_at` is written at most this often (seconds), so reading costs no write each time.
TOKEN_TOUCH_EVERY = 60
PAGE_SIZE = 50
PAGE_SIZE_MAX = 100
# Past this, a page number is refused (422), so no database is asked for an absurd offset.
PAGE_MAX = 100_000
