"""The house's layering, read from the import graph of `src/citypeers` (docs/architecture.md).

- no import circle between modules;
- apps import only apps below them, in the order below; nothing imports `demo`;
- `optim/` imports neither Django nor the rest of the project;
- inside an app: enums -> models -> selectors -> services -> texts -> forms -> views;
- `tasks` modules are imported only by services and views, inside the function that enqueues,
  so tasks can use services at module level without a circle; every import made inside a
  function says why on its line.
"""

import ast
from dataclasses import replace
from pathlib import Path

import pytest

from tests.import_graph import Import, cycles, import_graph, module_names

SRC = Path(__file__).resolve().parents[1] / "src" / "citypeers"

# Apps by height: an app imports only apps with a lower number. Apps of the same height know
# nothing of each other. `config` is the project's own modules (settings, urls, the command).
APP_HEIGHT = {
    "optim": 0,
    "core": 0,
    "places": 1,
    "people": 2,
    "programmes": 3,
    "catalogue": 4,
    "methodology": 4,
    "visits": 5,
    "calls": 6,
    # feedback sits below reports, so a report can prefill the visit's survey figures.
    "feedback": 6,
    "reports": 7,
    # news links programmes, visits, practices and reports; the newsletter gathers news, visits
    # and reports; the library's feeds and open data cover news too; the API reads them all.
    "news": 8,
    "newsletter": 9,
    "library": 9,
    "api": 10,
    "demo": 11,
    "config": 12,
}
CONFIG_MODULES = {
    "__init__",
    "__main__",
    "settings",
    "config",
    "urls",
    "views",
    "wsgi",
    "asgi",
    "formats",
}

# Layers inside an app, bottom first; a module imports only its own layer or those below.
LAYER_HEIGHT = {
    "enums": 0,
    "errors": 0,
    "validators": 1,
    "models": 1,
    "translation": 2,
    "selectors": 2,
    "permissions": 3,
    "rules": 4,
    "services": 5,
    "signals": 5,
    "texts": 6,
    "forms": 7,
    "templatetags": 7,
    "views": 8,
    "feeds": 8,
    "tasks": 9,
    "urls": 10,
    "admin": 10,
    "management": 10,
    "apps": 10,
}
# Modules of small apps whose name is not a layer, placed by what they do.
PLACED = {
    # The registry of personal data and each app's declarations in it: they erase, so services.
    **{
        f"{app}.personal_data": "services"
        for app in (
            "people programmes catalogue visits calls feedback reports newsletter api".split()
        )
    },
    "people.own_data": "services",
    "people.erasure": "services",
    "people.privacy_views": "views",
    "api.middleware": "views",
    "calls.optimiser": "selectors",
    "core.audit": "services",
    "core.audit_chain": "models",
    # Reads where the current request comes from; its middleware only sets that.
    "core.audit_context": "selectors",
    "core.backup": "services",
    "core.backup_database": "services",
    "core.registry": "enums",
    "core.second_factor": "selectors",
    "core.background": "services",
    "core.background_rq": "services",
    "core.changes": "services",
    "core.content_files": "selectors",
    "core.fonts": "texts",
    "core.translated": "models",
    "core.translated_forms": "forms",
    "core.translated_migrations": "models",
    "core.accounts": "services",
    "core.context_processors": "views",
    "core.dates": "enums",
    "core.files": "validators",
    "core.storage_s3": "validators",
    "core.http": "views",
    "core.languages": "enums",
    "core.mail": "services",
    "core.markdown": "texts",
    "core.middleware": "views",
    # A view decorator: serves kept copies of public pages.
    "core.page_cache": "views",
    "core.ratelimit": "views",
    "core.notifications": "services",
    "core.saving": "services",
    "core.text": "enums",
    # Builds every language's URL resolver as a web process starts (wsgi.py).
    "core.warm_up": "urls",
    "library.card_index": "selectors",
    "library.changes": "signals",
    "library.cards": "services",
    "library.indexing": "services",
    "library.report_cards": "services",
    "library.search": "selectors",
    "library.sitemaps": "views",
    "library.opendata": "enums",
    "library.opendata.enums": "enums",
    "library.opendata.selectors": "selectors",
    "library.opendata.readers": "selectors",
    "library.opendata.services": "services",
    "library.opendata.exports": "texts",
    "library.opendata.dcat": "texts",
    "library.opendata.forms": "forms",
    "library.opendata.views": "views",
    "library.opendata.urls": "urls",
    "places.countries": "enums",
    "visits.breakouts": "selectors",
    "visits.breakout_counts": "selectors",
    "visits.breakout_swaps": "selectors",
    "visits.rooms": "selectors",
    # Plain code on dataclasses, as rooms and breakouts are: the feeds' selectors build its
    # sessions and the agenda's services ask it which changes a calendar must see.
    "visits.texts.calendar": "selectors",
}
TASK_IMPORTERS = {"services", "views"}


def app_of(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in CONFIG_MODULES:
        return "config"
    return parts[1]


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if app_of(module) in ("config", "optim", "demo") or len(parts) < 3:
        return None
    placed = PLACED.get(".".join(parts[1:4])) or PLACED.get(".".join(parts[1:3]))
    return placed or parts[2]


def deferred_task_import(edge: Import) -> bool:
    return edge.deferred and layer_of(edge.target) == "tasks"


@pytest.fixture(scope="module")
def edges() -> list[Import]:
    return import_graph(SRC, "citypeers")


def circles(edges: list[Import]) -> list[list[str]]:
    # A task imported inside the function that enqueues it is the one sanctioned way back up.
    return cycles([replace(e, deferred=False) for e in edges if not deferred_task_import(e)])


def upward_app_imports(edges: list[Import]) -> list[str]:
    found = []
    for edge in edges:
        source, target = app_of(edge.source), app_of(edge.target)
        if source == target or edge.type_checking:
            continue
        if target == "demo" or APP_HEIGHT[target] >= APP_HEIGHT[source]:
            found.append(f"{edge.source}:{edge.line} imports {edge.target} ({source} -> {target})")
    return found


def upward_layer_imports(edges: list[Import]) -> list[str]:
    found = []
    for edge in edges:
        if edge.type_checking:
            continue
        source, target = layer_of(edge.source), layer_of(edge.target)
        if target == "tasks":  # in its own app or another
            if source not in TASK_IMPORTERS or not edge.deferred:
                found.append(
                    f"{edge.source}:{edge.line} imports {edge.target}: tasks are imported only "
                    "by services and views, inside the function that enqueues"
                )
            continue
        if app_of(edge.source) != app_of(edge.target):
            continue
        if source not in LAYER_HEIGHT or target not in LAYER_HEIGHT:
            continue  # test_every_module_has_a_layer names it
        if LAYER_HEIGHT[target] > LAYER_HEIGHT[source]:
            found.append(f"{edge.source}:{edge.line} imports {edge.target} ({source} -> {target})")
    return found


def unplaced_modules(root: Path = SRC) -> list[str]:
    return sorted(
        module
        for module in module_names(root, "citypeers")
        if (layer := layer_of(module)) is not None and layer not in LAYER_HEIGHT
    )


def unexplained_deferred_imports(edges: list[Import]) -> list[str]:
    return [
        f"{edge.source}:{edge.line} imports {edge.target} inside a function without saying why"
        for edge in edges
        if edge.deferred and not edge.comment
    ]


def optim_leaks(root: Path = SRC) -> list[str]:
    found = []
    for path in sorted((root / "optim").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and not node.level:
                names = [node.module or ""]
            else:
                continue
            for name in names:
                if name.split(".")[0] == "django" or (
                    name.startswith("citypeers.") and not name.startswith("citypeers.optim")
                ):
                    found.append(f"{path.relative_to(root)}:{node.lineno} imports {name}")
    return found


# The one module of an app that may import `optim`, where the app has such a door.
OPTIM_DOORS = {"calls": "citypeers.calls.optimiser"}


def optim_doors_bypassed(edges: list[Import]) -> list[str]:
    return [
        f"{edge.source}:{edge.line} imports {edge.target}: {app} meets optim through {door}"
        for edge in edges
        if app_of(edge.target) == "optim"
        and (door := OPTIM_DOORS.get(app := app_of(edge.source)))
        and edge.source != door
    ]


WRITES = {
    "save",
    "delete",
    "create",
    "update",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "save_m2m",
}
# Calls that write by name (the audit trail is a service's record of a write it made).
WRITING_FUNCTIONS = {"log_action"}


def writes_in_views(root: Path = SRC) -> list[str]:
    """Calls of a model write in a views module: views read through selectors and write
    through services (a form's `save(commit=False)` writes nothing and is allowed). Adding to
    a many-to-many relation (`.add()`, `.set()`) is not looked for: Python's sets use the
    same names."""
    found = []
    for module, path in module_names(root, "citypeers").items():
        if layer_of(module) != "views":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            if isinstance(node.func, ast.Name) and node.func.id in WRITING_FUNCTIONS:
                found.append(f"{module}:{node.lineno} calls {node.func.id}()")
            if not isinstance(node.func, ast.Attribute):
                continue
            uncommitted = any(
                k.arg == "commit" and isinstance(k.value, ast.Constant) and k.value.value is False
                for k in node.keywords
            )
            if node.func.attr in WRITES and not uncommitted:
                found.append(f"{module}:{node.lineno} calls .{node.func.attr}()")
    return found


def test_no_module_imports_itself_back_through_others(edges):
    assert circles(edges) == []


def test_apps_import_only_apps_below_them(edges):
    apps = {app_of(module) for module in module_names(SRC, "citypeers")}
    assert apps <= set(APP_HEIGHT), f"place these apps in APP_HEIGHT: {apps - set(APP_HEIGHT)}"
    assert upward_app_imports(edges) == []


def test_every_module_has_a_layer():
    assert unplaced_modules() == []


def test_layers_inside_an_app_import_downwards(edges):
    assert upward_layer_imports(edges) == []


def test_imports_inside_functions_say_why(edges):
    assert unexplained_deferred_imports(edges) == []


def test_calls_meets_optim_through_its_optimiser_only(edges):
    assert optim_doors_bypassed(edges) == []


def test_views_never_write():
    assert writes_in_views() == []


def test_optim_knows_nothing_of_django_or_the_apps():
    assert optim_leaks() == []


# The checks themselves, on small trees made for the purpose: each must fail when it should.


def write_tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / "citypeers" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        for parent in path.relative_to(root).parents[:-1]:
            (root / parent / "__init__.py").touch()
    return root / "citypeers"


def test_a_circle_is_found(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "calls/models.py": "from citypeers.calls.selectors import open_calls\n",
            "calls/selectors.py": "from citypeers.calls import models\n",
            "calls/views.py": "from citypeers.calls.models import Call\n",
        },
    )
    assert circles(import_graph(tree, "citypeers")) == [
        ["citypeers.calls.models", "citypeers.calls.selectors"]
    ]


def test_a_circle_through_an_import_inside_a_function_is_found(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "calls/models.py": "def reason():\n    from citypeers.calls.texts import words  # x\n",
            "calls/texts.py": "from citypeers.calls.models import Call\n",
        },
    )
    assert circles(import_graph(tree, "citypeers")) == [
        ["citypeers.calls.models", "citypeers.calls.texts"]
    ]


def test_a_task_imported_inside_a_service_is_not_a_circle(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "calls/services.py": (
                "def submit():\n    from citypeers.calls.tasks import mail  # tasks use us\n"
            ),
            "calls/tasks.py": "from citypeers.calls.services import submit\n",
        },
    )
    edges = import_graph(tree, "citypeers")
    assert circles(edges) == []
    assert upward_layer_imports(edges) == []


def test_a_task_imported_at_module_level_or_by_a_model_is_refused(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "calls/services.py": "from citypeers.calls.tasks import mail\n",
            "calls/models.py": "def f():\n    from citypeers.calls.tasks import mail  # why\n",
            "calls/tasks.py": "mail = None\n",
        },
    )
    assert len(upward_layer_imports(import_graph(tree, "citypeers"))) == 2


def test_an_upward_import_between_apps_is_found(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "core/views.py": "from citypeers.programmes.selectors import programmes_list\n",
            "programmes/selectors.py": "from citypeers.core.text import unique_slug\n",
            "core/text.py": "",
            "calls/views.py": "from citypeers.demo import accounts\n",
            "demo/accounts.py": "from citypeers.calls.models import Call\n",
            "calls/models.py": "",
        },
    )
    found = upward_app_imports(import_graph(tree, "citypeers"))
    assert len(found) == 2
    assert "core -> programmes" in found[1]
    assert "calls -> demo" in found[0]


def test_an_upward_import_between_layers_is_found(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "calls/models/application.py": "from citypeers.calls.texts.reasons import words\n",
            "calls/texts/reasons.py": "from citypeers.calls.enums import Outcome\n",
            "calls/enums.py": "",
        },
    )
    found = upward_layer_imports(import_graph(tree, "citypeers"))
    assert found == [
        "citypeers.calls.models.application:1 imports citypeers.calls.texts.reasons "
        "(models -> texts)"
    ]


def test_an_import_inside_a_function_without_a_reason_is_found(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "calls/views.py": "def f():\n    from citypeers.calls import models\n",
            "calls/models.py": "",
        },
    )
    assert len(unexplained_deferred_imports(import_graph(tree, "citypeers"))) == 1


def test_a_write_in_a_view_is_found(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "calls/views/selection.py": (
                "def page(request, call):\n"
                "    form.save(commit=False)\n"
                "    call.save(update_fields=['selection_settings'])\n"
            ),
            "calls/services/calls.py": "def call_save(call):\n    call.save()\n",
        },
    )
    assert writes_in_views(tree) == ["citypeers.calls.views.selection:3 calls .save()"]


def test_an_import_for_type_checkers_only_is_ignored_but_its_else_branch_is_not(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "calls/models.py": (
                "from typing import TYPE_CHECKING\n"
                "if TYPE_CHECKING:\n"
                "    from citypeers.calls.views import page\n"
                "else:\n"
                "    from citypeers.calls.texts import words\n"
            ),
            "calls/views.py": "",
            "calls/texts.py": "",
        },
    )
    assert upward_layer_imports(import_graph(tree, "citypeers")) == [
        "citypeers.calls.models:5 imports citypeers.calls.texts (models -> texts)"
    ]


def test_another_apps_task_imported_at_module_level_is_refused(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "calls/services.py": "from citypeers.visits.tasks import remind\n",
            "visits/tasks.py": "remind = None\n",
        },
    )
    assert len(upward_layer_imports(import_graph(tree, "citypeers"))) == 1


def test_a_lint_pragma_is_not_a_reason(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "calls/views.py": "def f():\n    from citypeers.calls import models  # noqa: PLC0415\n",
            "calls/models.py": "",
        },
    )
    assert len(unexplained_deferred_imports(import_graph(tree, "citypeers"))) == 1


def test_a_module_without_a_layer_is_named(tmp_path):
    tree = write_tree(tmp_path, {"calls/helpers.py": "", "calls/models.py": ""})
    assert unplaced_modules(tree) == ["citypeers.calls.helpers"]


def test_django_or_the_apps_in_optim_are_found(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "optim/solver.py": (
                "import math\nfrom django.conf import settings\n"
                "from citypeers.calls.models import Call\nfrom citypeers.optim import milp\n"
            ),
            "optim/milp.py": "",
        },
    )
    assert optim_leaks(tree) == [
        "optim/solver.py:2 imports django.conf",
        "optim/solver.py:3 imports citypeers.calls.models",
    ]


def test_calls_reaching_optim_other_than_through_its_optimiser_is_found(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "calls/optimiser.py": "from citypeers.optim import selection\n",
            "calls/services.py": "from citypeers.optim.selection import solve\n",
            "optim/selection.py": "solve = None\n",
        },
    )
    assert optim_doors_bypassed(import_graph(tree, "citypeers")) == [
        "citypeers.calls.services:1 imports citypeers.optim.selection: calls meets optim "
        "through citypeers.calls.optimiser"
    ]


def test_the_audit_trail_written_from_a_view_is_found(tmp_path):
    tree = write_tree(
        tmp_path,
        {
            "calls/views.py": (
                "from citypeers.core.audit import log_action\n"
                "def page(request, form):\n"
                "    form.save_m2m()\n"
                "    log_action(request.user, 'x')\n"
            ),
        },
    )
    assert writes_in_views(tree) == [
        "citypeers.calls.views:3 calls .save_m2m()",
        "citypeers.calls.views:4 calls log_action()",
    ]
