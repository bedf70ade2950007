"""The audit trail's hash chain, as plain functions (the data migration uses them too).

Each entry's `content_digest` is the SHA-256 of a canonical JSON of what it records; its
`chain_hash` is the SHA-256 of the previous entry's chain hash followed by that digest. An
entry edited afterwards no longer matches its digest, and one removed or inserted breaks the
chain of every entry after it.
"""

import datetime
import hashlib
import json

# What a redacted entry holds instead of what it said about a person.
REDACTED = "[redacted]"
REDACTED_CHANGES = {"redacted": True}
# Where the chain starts before any entry was pruned.
GENESIS = ""


def _utc(at: datetime.datetime) -> str:
    return at.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def content_of(entry) -> dict:
    """What an entry records, as the digest sees it (model instance or historical model)."""
    return {
        "at": _utc(entry.at),
        "actor": entry.actor_id,
        "action": entry.action,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object_repr": entry.object_repr,
        "changes": entry.changes,
        "programme": entry.programme_id,
        "ip_address": entry.ip_address,
        "user_agent": entry.user_agent,
    }


def digest_of(content: dict) -> str:
    canonical = json.dumps(content, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def chained(previous_hash: str, content_digest: str) -> str:
    return hashlib.sha256((previous_hash + content_digest).encode()).hexdigest()
