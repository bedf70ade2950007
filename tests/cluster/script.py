"""scripts/cluster.py as a module for the tests (scripts/ is no package)."""

import importlib.util
from pathlib import Path

PATH = Path(__file__).resolve().parents[2] / "scripts" / "cluster.py"


def _load():
    spec = importlib.util.spec_from_file_location("cluster_script", PATH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


cluster_script = _load()
