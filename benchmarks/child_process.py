"""A benchmark's child process: run it, and read the JSON it prints last.

No Django here: the caller's process may be configured for another database than the child's.
"""

import json
import subprocess
from pathlib import Path

STDERR_TAIL = 3000  # characters: the traceback's end says what failed, its start rarely does


def run_json_child(
    argv: list[str],
    *,
    env: dict[str, str],
    cwd: Path,
    timeout: float,
    what: str,
    failure: type[BaseException] = RuntimeError,
) -> dict:
    """The JSON on the last line of `argv`'s output. If it exits with an error, raises
    `failure` saying "<what> failed:" and the tail of its error output: a benchmark's command
    passes SystemExit (the message, no traceback); RuntimeError, the default, lets a caller
    note the failure and carry on."""
    child = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    if child.returncode != 0:
        raise failure(f"{what} failed:\n{child.stderr[-STDERR_TAIL:]}")
    return json.loads(child.stdout.strip().splitlines()[-1])
