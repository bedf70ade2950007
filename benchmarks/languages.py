"""What offering 25 languages costs a page: the same pages with the 25 languages offered and
with only English and French, timed beside /healthz in one run.

    make bench          (runs this after the news benchmark)
    .venv/bin/python benchmarks/languages.py [--views 200]

Every page names itself in each offered language (the picker, `hreflang` links), so its cost
grows with the languages. Times, through Django's test client on a throw-away SQLite database
with the shipped methodology, the home page, the library, a format page (translated content)
and the guide in English and in Greek, then the home page and the format page again with two
languages offered. Prints milliseconds; writes benchmarks/results/languages.json.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the benchmarks package

from benchmarks.in_process import command, prepared_site, summary, timed_get

PAGES = {
    "home": "/en/",
    "home_el": "/el/",
    "library": "/en/library/",
    "format": "/en/methodology/formats/fishbowl/",
    "format_el": "/el/methodology/formats/fishbowl/",
    "guide_el": "/el/methodology/",
}
TWO_LANGUAGES = [("en", "English"), ("fr", "French")]


def run_here(views: int) -> dict:
    client = prepared_site()
    from django.test import override_settings

    from citypeers.methodology.services.loader import load_methodology

    load_methodology()
    for _ in range(3):  # warm-up: imports, templates, connections
        for path in PAGES.values():
            timed_get(client, path)
    results = {
        name: summary([timed_get(client, path)[0] for _ in range(views)])
        for name, path in PAGES.items()
    }
    with override_settings(LANGUAGES=TWO_LANGUAGES):
        for name in ("home", "format"):
            timed_get(client, PAGES[name])
            times = [timed_get(client, PAGES[name])[0] for _ in range(views)]
            results[f"{name}_2_languages"] = summary(times)
    results["healthz"] = summary([timed_get(client, "/healthz")[0] for _ in range(views)])
    return results


def main() -> int:
    command(
        name="languages",
        script=__file__,
        description=__doc__,
        run_here=run_here,
        doing="timing pages with 25 and with 2 languages offered",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
