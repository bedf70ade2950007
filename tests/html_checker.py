"""The W3C Nu HTML checker (`vnu-jar` from npm, run with java) over the pages a test wrote into
a folder: the errors it finds, one line each, or the test skipped (failed under CI) when the
checker is missing."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

VNU_JAR = (
    Path(__file__).resolve().parents[1] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
)


def require_checker() -> None:
    missing = not VNU_JAR.is_file() or shutil.which("java") is None
    if missing and os.environ.get("CI") == "true":
        pytest.fail("the Nu HTML checker needs node_modules/vnu-jar and java; run `make test`")
    if missing:
        pytest.skip("vnu-jar or java missing")


def html_errors(folder: Path) -> list[str]:
    """Every error in the `*.html` files of `folder`, as "file:line: message"."""
    result = subprocess.run(
        [
            *("java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json"),
            *sorted(str(path) for path in folder.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{Path(m['url']).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error"
    ]
