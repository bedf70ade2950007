"""A benchmark's child process: its figures read from its last line, its failure reported with
the end of its error output."""

import sys
from pathlib import Path

import pytest

from benchmarks.child_process import STDERR_TAIL, run_json_child

CHILD = """
import sys
from pathlib import Path
print("migrating…")
if sys.argv[1] == "fail":
    sys.stderr.write("x" * 5000 + "Traceback: the error at the end")
    sys.exit(1)
print('{"p50_ms": 1.5}')
"""


def child(outcome: str, **options):
    return run_json_child(
        [sys.executable, "-c", CHILD, outcome],
        env={},
        cwd=Path(__file__).parent,
        timeout=60,
        what="the benchmark",
        **options,
    )


def test_the_figures_are_read_from_the_childs_last_line():
    assert child("succeed") == {"p50_ms": 1.5}


@pytest.mark.parametrize("failure", [RuntimeError, SystemExit])
def test_a_failed_child_is_reported_with_the_end_of_its_error_output(failure):
    with pytest.raises(failure) as raised:
        child("fail", failure=failure)

    message = str(raised.value)
    assert message.startswith("the benchmark failed:\n")
    assert message.endswith("Traceback: the error at the end")
    assert len(message) == len("the benchmark failed:\n") + STDERR_TAIL
