"""A call's selection run through the web's background task, timed beside the plain CLI.

    make bench
    .venv/bin/python benchmarks/calls/selection.py [--applicants 10000] [--visits 100]
        [--databases postgresql,sqlite] [--cases generated,demo]

Two calls, each in a fresh database (PostgreSQL: `citypeers_bench_calls_selection` on
127.0.0.1:5432; SQLite in a temporary directory) on a throw-away data dir:

- generated: 10,000 reviewed applications over 100 visits, bulk-created from the seeded
  generator of benchmarks/optim/selection.py, with at most 3 per country and at least half from
  small or medium cities at every visit (benchmarks/calls/selection_data.py);
- demo: the closed 2021 call of `citypeers demo` (306 applicants), loaded by that very
  command.

For each, as a coordinator's click does: `selection_start` (records the run and queues
`run_selection`, whose task builds the instance if the run has none, solves it and saves the
result) while a `citypeers worker` (django-tasks' db_worker, default 1 s polling) runs in its
own process; timed: the click itself, and from the click to the run's status DONE, with the
task's queue wait and run time from its database row; twice, as the first task after the
worker starts also imports the solver. Beside it, in the same run: building the instance alone
(`selection_instance`), the solve alone (in-process, the optimiser's own timings), saving the
result, and the plain `citypeers optimise select FILE` as a subprocess on the run's recorded
instance (wall time, and its start-up alone on an empty file).

Checked: the run ends DONE with a proven optimal (or time-limited feasible) result, and the CLI
gives the same assignments and waiting lists as the task. Writes
benchmarks/results/calls_selection.json; exit status 1 on any failure or difference.
"""

import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the benchmarks package

from benchmarks.calls.common import (
    CITYPEERS,
    PROJECT_DIR,
    RESULTS_DIR,
    Worker,
    environment,
    finish,
    machine,
    postgres_create,
    postgres_drop,
    run_main,
    stopped_on_sigterm,
    wait_for,
)

DATABASE = "citypeers_bench_calls_selection"
RESULTS_FILE = RESULTS_DIR / "calls_selection.json"
DEMO_CALL_SLUG = "heritage-in-action-2021-participants"
RUN_TIMEOUT = 600


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--applicants", type=int, default=10_000, help="generated case")
    parser.add_argument("--visits", type=int, default=100, help="generated case")
    parser.add_argument("--databases", default="postgresql,sqlite")
    parser.add_argument("--cases", default="generated,demo")
    options = parser.parse_args()
    options.databases = options.databases.split(",")
    options.cases = options.cases.split(",")
    if set(options.databases) - {"postgresql", "sqlite"} or set(options.cases) - {
        "generated",
        "demo",
    }:
        parser.error("--databases: postgresql, sqlite; --cases: generated, demo")
    return options


# ---------------------------------------------------------------- in the child process


def timed(function, *args, **kwargs):
    begin = time.perf_counter()
    value = function(*args, **kwargs)
    return value, round(time.perf_counter() - begin, 3)


def worker_warmed_up() -> None:
    """Queue a task that finds nothing to do and wait for it: the worker is then polling."""
    from django_tasks_db.models import DBTaskResult

    from citypeers.calls.tasks import run_selection

    result = run_selection.enqueue(run_id=0)
    wait_for(
        lambda: DBTaskResult.objects.get(pk=result.id).status in {"SUCCESSFUL", "FAILED"},
        timeout=120,
        what="the worker's first task",
    )
    ready = DBTaskResult.objects.filter(status="READY")
    wait_for(lambda: not ready.exists(), timeout=300, what="the queue to empty")


def run_cli(instance: dict, scratch: Path) -> tuple[dict, float, float]:
    """`citypeers optimise select FILE` on the instance: its result, wall seconds, and the
    seconds of its start-up alone (the same command on an empty file stops after the imports)."""
    instance_file, output_file, empty = (scratch / n for n in ("run.json", "cli.json", "empty"))
    instance_file.write_text(json.dumps(instance))
    empty.write_text("")
    command = [CITYPEERS, "optimise", "select"]
    begin = time.perf_counter()
    startup = subprocess.run([*command, str(empty)], capture_output=True, text=True, timeout=120)
    startup_s = time.perf_counter() - begin
    if startup.returncode != 2:
        raise RuntimeError(f"the CLI on an empty file exited {startup.returncode}")
    with output_file.open("w") as output:
        begin = time.perf_counter()
        done = subprocess.run(
            [*command, str(instance_file)],
            stdout=output,
            stderr=subprocess.PIPE,
            text=True,
            timeout=RUN_TIMEOUT,
        )
        cli_s = time.perf_counter() - begin
    if done.returncode != 0:
        raise RuntimeError(f"citypeers optimise select exited {done.returncode}: {done.stderr}")
    return json.loads(output_file.read_text()), round(cli_s, 3), round(startup_s, 3)


def web_run(call, coordinator) -> tuple:
    """A coordinator's click: selection_start, then the worker's task until the run is DONE;
    the run and its timings (the task's queue wait and run time from its database row)."""
    from django_tasks_db.models import DBTaskResult

    from citypeers.calls.models import SelectionRun
    from citypeers.calls.services.selection import selection_start

    begin = time.perf_counter()
    run, start_s = timed(selection_start, call=call, by=coordinator)
    status = SelectionRun.objects.filter(pk=run.pk).values_list("status", flat=True)
    wait_for(lambda: status.get() in {"done", "failed"}, timeout=RUN_TIMEOUT, what="the run")
    click_to_done_s = round(time.perf_counter() - begin, 3)
    run.refresh_from_db()
    if run.status != SelectionRun.Status.DONE:
        raise RuntimeError(f"the run ended {run.status}: {run.error}")
    tasks = DBTaskResult.objects.filter(
        task_path__endswith="run_selection", args_kwargs__kwargs__run_id=run.pk
    )
    # The worker marks its task finished just after the run's result is saved.
    wait_for(lambda: tasks.get().finished_at is not None, timeout=60, what="the task's end")
    task = tasks.get()
    return run, {
        "start_s": start_s,
        "click_to_done_s": click_to_done_s,
        "queue_wait_s": round((task.started_at - task.enqueued_at).total_seconds(), 3),
        "task_s": round((task.finished_at - task.started_at).total_seconds(), 3),
    }


def measure(case: str, scratch: Path, environment: dict) -> dict:
    """Runs in the child, whose DATABASE_URL names the database to measure."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from citypeers.calls.models import Call
    from citypeers.calls.optimiser import selection_instance
    from citypeers.optim.selection import run as optimise
    from citypeers.people.models import User

    facts: dict = {"case": case, "database": connection.vendor}
    if case == "generated":
        from benchmarks.calls.selection_data import create_call

        call_command("migrate", verbosity=0)
        call_command("createcachetable", verbosity=0)
        (call, coordinator), facts["create_rows_s"] = timed(
            create_call,
            applicants=int(os.environ["BENCH_APPLICANTS"]),
            visits=int(os.environ["BENCH_VISITS"]),
        )
    else:
        call = Call.objects.get(slug=DEMO_CALL_SLUG)
        coordinator = User.objects.get(email="coordinator@example.org")
    worker = Worker(environment, scratch / "worker.log")
    try:
        worker_warmed_up()
        instance, facts["instance_s"] = timed(selection_instance, call)
        # The first run after the worker starts also imports the solver there; then a warm one.
        first, facts["first_run"] = web_run(call, coordinator)
        run, facts["warm_run"] = web_run(call, coordinator)
        worker.check_alive()
    finally:
        worker.stop()
    facts |= {
        "applicants_in_call": call.applications.count(),
        "applicants_in_instance": len(run.instance["applicants"]),
        "visits": len(run.instance["visits"]),
        "places": sum(visit["capacity"] for visit in run.instance["visits"]),
        "instance_json_kb": round(len(json.dumps(run.instance)) / 1024),
        "same_result_both_runs": first.result == run.result,
    }
    outcome = optimise(run.instance)
    facts |= {
        "solve_s": round(outcome.seconds["total"], 3),
        "lp_s": round(outcome.seconds["lp"], 3) if "lp" in outcome.seconds else None,
        "milp_s": round(outcome.seconds["milp"], 3) if "milp" in outcome.seconds else None,
        "status": run.result["status"],
        "gap": run.result["gap"],
        "selected": sum(len(people) for people in run.result["assignments"].values()),
        "same_as_task_in_process": outcome.result["assignments"] == run.result["assignments"],
    }
    _, facts["save_result_s"] = timed(run.save, update_fields=["result", "finished_at"])
    cli_result, facts["cli_s"], facts["cli_startup_s"] = run_cli(run.instance, scratch)
    facts["cli_same_assignments"] = cli_result["assignments"] == run.result["assignments"]
    facts["cli_same_waiting_lists"] = cli_result["waiting_lists"] == run.result["waiting_lists"]
    facts["same_instance_as_alone"] = instance == run.instance
    return facts


# ---------------------------------------------------------------- in the parent process


def measure_case(case: str, database: str, options: argparse.Namespace) -> dict:
    with tempfile.TemporaryDirectory(prefix="citypeers-selection-") as scratch:
        scratch_dir = Path(scratch)
        if database == "postgresql":
            url = postgres_create(DATABASE)
        else:
            url = f"sqlite:///{scratch_dir}/bench.sqlite3"
        env = environment(
            scratch_dir / "data",
            url,
            BENCH_APPLICANTS=str(options.applicants),
            BENCH_VISITS=str(options.visits),
        )
        try:
            demo_s = None
            if case == "demo":
                begin = time.perf_counter()
                subprocess.run(
                    [CITYPEERS, "demo"],
                    cwd=PROJECT_DIR,
                    env=env,
                    check=True,
                    timeout=900,
                    stdout=subprocess.DEVNULL,
                )
                demo_s = round(time.perf_counter() - begin, 1)
            child = subprocess.run(
                [sys.executable, __file__, "--child", case, scratch],
                cwd=PROJECT_DIR,
                env=env,
                capture_output=True,
                text=True,
                timeout=3600,
            )
        finally:
            if database == "postgresql":
                postgres_drop(DATABASE)
        if child.returncode != 0:
            raise RuntimeError(f"{case} on {database}:\n{child.stderr[-4000:]}")
        facts = json.loads(child.stdout.strip().splitlines()[-1])
        return facts | ({"demo_load_s": demo_s} if demo_s is not None else {})


def problems_of(row: dict) -> list[str]:
    where = f"{row['case']} on {row['database']}"
    problems = []
    if row["status"] not in {"optimal", "feasible"}:
        problems.append(f"{where}: the selection is {row['status']}")
    for check in (
        "cli_same_assignments",
        "cli_same_waiting_lists",
        "same_as_task_in_process",
        "same_instance_as_alone",
    ):
        if not row[check]:
            problems.append(f"{where}: {check} is false")
    return problems


def print_table(rows: list[dict]) -> None:
    columns = [
        ("case", "case", 10),
        ("database", "database", 11),
        ("applicants", "applicants_in_instance", 11),
        ("instance s", "instance_s", 11),
        ("click s", "warm_run.start_s", 8),
        ("click→done 1st", "first_run.click_to_done_s", 15),
        ("click→done", "warm_run.click_to_done_s", 11),
        ("queue s", "warm_run.queue_wait_s", 8),
        ("task s", "warm_run.task_s", 8),
        ("solve s", "solve_s", 8),
        ("save s", "save_result_s", 7),
        ("CLI s", "cli_s", 7),
        ("CLI start s", "cli_startup_s", 12),
    ]

    def value(row: dict, key: str):
        for part in key.split("."):
            row = row[part]
        return row

    print("\n" + "".join(f"{title:>{width}}" for title, _, width in columns) + "  same")
    for row in rows:
        same = row["cli_same_assignments"] and row["cli_same_waiting_lists"]
        print("".join(f"{value(row, key)!s:>{width}}" for _, key, width in columns) + f"  {same}")


def main() -> int:
    if len(sys.argv) == 4 and sys.argv[1] == "--child":
        facts = measure(sys.argv[2], Path(sys.argv[3]), dict(os.environ))
        print(json.dumps(facts))
        return 0
    options = parse_arguments()
    report = {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "machine": machine(with_postgres="postgresql" in options.databases),
        "command": " ".join(["benchmarks/calls/selection.py", *sys.argv[1:]]),
        "rows": [],
        "skipped": [],
        "problems": [],
    }
    with stopped_on_sigterm():
        for case in options.cases:
            for database in options.databases:
                print(f"{case} on {database}…", flush=True)
                try:
                    row = measure_case(case, database, options)
                except (RuntimeError, subprocess.SubprocessError) as error:
                    report["problems"].append(str(error))
                    continue
                report["rows"].append(row)
                report["problems"] += problems_of(row)
    print_table(report["rows"])
    return finish(report, RESULTS_FILE)


if __name__ == "__main__":
    run_main(main)
