"""scripts/cluster.py's options: `make cluster` keeps the layout it always had, and a named
cluster runs beside it with its own folder, database, ports and Redis dbs."""

import pytest

from tests.cluster.script import cluster_script as cluster

NAMED = ["--name", "try", "--port", "18000", "--app-servers", "2", "--workers", "1"]


@pytest.fixture(autouse=True)
def project_dir(tmp_path, monkeypatch):
    """The clusters' folders (and their secrets) under a temporary project, not this one."""
    monkeypatch.setattr(cluster, "PROJECT_DIR", tmp_path)
    for name in ("CLUSTER_PORT", "CLUSTER_DATABASE_URL"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def test_make_cluster_starts_the_layout_it_always_had(project_dir):
    action, layout = cluster.parse(["start"])
    assert action == "start"
    assert layout.data_dir == project_dir / "var" / "cluster"
    assert (layout.port, layout.app_ports, layout.stats_port) == (8000, (8101, 8102, 8103), 8404)
    assert (layout.workers, layout.demo) == (2, True)
    env = cluster.environment(layout)
    assert env["DATABASE_URL"] == "postgres://postgres@127.0.0.1:5432/citypeers_cluster"
    assert (env["CACHE_URL"], env["PAGE_CACHE_URL"], env["TASK_REDIS_URL"]) == (
        "redis://127.0.0.1:6379/1",
        "redis://127.0.0.1:6379/2",
        "redis://127.0.0.1:6379/3",
    )
    assert env["TASK_BACKEND"] == "rq"
    assert layout.stop_command == "make cluster-stop"


def test_a_named_cluster_has_its_own_folder_database_ports_and_redis_dbs(project_dir):
    _action, layout = cluster.parse(["start", *NAMED, "--redis-db", "7", "--no-demo"])
    assert layout.data_dir == project_dir / "var" / "cluster-try"
    assert (layout.app_ports, layout.stats_port) == ((18101, 18102), 18404)
    assert (layout.workers, layout.demo) == (1, False)
    env = cluster.environment(layout)
    assert env["DATABASE_URL"] == "postgres://postgres@127.0.0.1:5432/citypeers_cluster_try"
    assert (env["CACHE_URL"], env["PAGE_CACHE_URL"], env["TASK_REDIS_URL"]) == (
        "redis://127.0.0.1:6379/7",
        "redis://127.0.0.1:6379/8",
        "redis://127.0.0.1:6379/9",
    )
    assert env["SITE_URL"] == "http://127.0.0.1:18000"
    assert env["MEDIA_ROOT"] == str(project_dir / "var" / "cluster-try" / "media")
    assert layout.stop_command == "python scripts/cluster.py stop --name try"


def test_a_named_cluster_uses_the_server_of_cluster_database_url(monkeypatch):
    monkeypatch.setenv(
        "CLUSTER_DATABASE_URL", "postgres://u:p@db.example.org:5433/ours?sslmode=require"
    )
    assert cluster.parse(["start"])[1].database_url.endswith(":5433/ours?sslmode=require")
    assert (
        cluster.parse(["start", "--name", "try"])[1].database_url
        == "postgres://u:p@db.example.org:5433/citypeers_cluster_try?sslmode=require"
    )


def test_stop_and_status_given_only_the_name_find_the_ports_it_started_on():
    _action, started = cluster.parse(["start", *NAMED])
    started.data_dir.mkdir(parents=True)
    started.save()
    _action, given = cluster.parse(["status", "--name", "try"])
    assert given.stats_port == 8404  # what the options alone say
    assert given.as_started() == started
    assert given.as_started().stats_port == 18404
    _action, never_started = cluster.parse(["stop", "--name", "other"])
    assert never_started.as_started() == never_started


@pytest.mark.parametrize(
    "options",
    [
        ["--app-servers", "0"],
        ["--app-servers", "10"],
        ["--workers", "-1"],
        ["--redis-db", "14"],  # its tasks would be on db 16, which Redis does not have
        ["--port", "65300"],  # its statistics would be past 65535
        ["--name", "Try"],
        ["--name", "../elsewhere"],
    ],
)
def test_a_layout_that_cannot_run_is_refused(options, capsys):
    with pytest.raises(SystemExit):
        cluster.parse(["start", *options])
    assert "error: argument" in capsys.readouterr().err
