"""An app server and a task worker stopped mid-load behind HAProxy, first killed (SIGKILL),
then stopped (SIGTERM): benchmarks/cluster/faults.py at a small scale. It runs on its own
cluster's PostgreSQL database whatever DATABASE_URL the suite has (so, in CI, in both runs);
about four minutes on a busy 2-core machine: starting the cluster (migrating an empty
database) and each round's wait for the killed worker's task (TASK_RUNNING_TIMEOUT, 30 s)."""

from benchmarks.cluster.faults import faults_cluster, parse_arguments, run

APPLICANTS = 20


def test_an_app_server_and_a_worker_stopped_mid_load_lose_nothing(haproxy):
    options = parse_arguments(["--applicants", str(APPLICANTS), "--spread", "10", "--readers", "2"])

    rounds = run(options, faults_cluster())

    assert set(rounds) == {"SIGKILL", "SIGTERM"}
    for result in rounds.values():
        assert result["gets"] > 0
        assert result["gets_failed"] == 0
        assert result["posts_failed_outside_the_window"] == 0
        stored = result["database"]
        assert stored["submitted"] == APPLICANTS
        assert stored["applicants_with_two_or_more"] == 0
        assert stored["people_mailed"] == APPLICANTS
        assert stored["people_mailed_twice"] == 0
        assert stored["tasks"] == {"SUCCESSFUL": APPLICANTS}
        stop = result["stop"]
        assert stop["app_server_gone"] and stop["worker_gone"]
        assert stop["haproxy_saw_it_down_after_seconds"] <= result["retry_window_seconds"] + 1
        assert result["problems"] == []
