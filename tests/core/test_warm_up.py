"""A web process's start (`core.warm_up`): every language's addresses ready, start-up frozen.

Measured in fresh interpreters: in this one, earlier tests have built the resolvers already."""

import json
import os
import subprocess
import sys

# Loads the application as a web server does (or not), then counts the objects the garbage
# collector walks before and after the first address reversed in every language.
PROCESS = """
import gc, json, sys
import django
from django.conf import settings
from django.urls import reverse
from django.utils import translation
if sys.argv[1] == "server":
    import citypeers.wsgi
else:
    django.setup()
gc.collect()
tracked = len(gc.get_objects())
for code, _name in settings.LANGUAGES:
    with translation.override(code):
        reverse("library:search")
gc.collect()
print(json.dumps({"frozen": gc.get_freeze_count(), "made": len(gc.get_objects()) - tracked}))
"""


def _started(how: str) -> dict:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "citypeers.settings"}
    done = subprocess.run(
        [sys.executable, "-c", PROCESS, how], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_a_web_process_starts_with_every_language_ready_and_its_start_up_frozen():
    cold, server = _started("plain"), _started("server")
    # Without it the first pages build every language's resolver: objects that each full
    # collection would then walk (150 ms for all of a warm process's).
    assert cold["frozen"] == 0
    assert cold["made"] > 100_000
    # With it they exist before the first request, frozen with the rest of the start-up.
    assert server["made"] < cold["made"] // 10
    assert server["frozen"] > cold["made"]
