"""The guide's long chapters, kept as Markdown files per language in `content/guide/<lang>/`.

Prose of this length reads and reviews better as a file than as hundreds of gettext strings;
a chapter not yet translated falls back to English.
"""

import hashlib
from pathlib import Path

from django.utils.translation import get_language

GUIDE_DIR = Path(__file__).resolve().parents[1] / "content" / "guide"
FALLBACK_LANGUAGE = "en"


def guide_chapter(*, slug: str, language: str | None = None) -> str:
    """The Markdown of `NN-<slug>.md` in `language` (the active one by default), else English."""
    language = (language or get_language() or FALLBACK_LANGUAGE).split("-")[0]
    for code in dict.fromkeys((language, FALLBACK_LANGUAGE)):
        if paths := sorted((GUIDE_DIR / code).glob(f"[0-9][0-9]-{slug}.md")):
            return paths[0].read_text("utf-8")
    raise LookupError(f"No guide chapter {slug!r} in {GUIDE_DIR}")


def guide_chapters_stamp() -> str:
    """Changes whenever a chapter file in any language does (the guide's PDF cache reads it)."""
    digest = hashlib.sha256()
    for path in sorted(GUIDE_DIR.glob("*/*.md")):
        digest.update(str(path.relative_to(GUIDE_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
