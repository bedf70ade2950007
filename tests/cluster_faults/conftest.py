"""The fault test's own private cluster (`--name faults --port 28500 --redis-db 13`), apart
from tests/cluster/'s: benchmarks/cluster/faults.py starts it, drops and remakes its database,
and stops it at the end whatever happens. It needs HAProxy, PostgreSQL and Redis; outside CI
a missing HAProxy skips it, with CI=true it fails, so CI cannot pass without running it."""

import os
import shutil

import pytest


@pytest.fixture
def haproxy():
    if shutil.which("haproxy") is None:
        message = "the fault test needs HAProxy: run `make haproxy` (Debian's, as root)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
