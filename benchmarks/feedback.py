"""Sending a survey to 1,000 people through the task queue, timed beside /healthz in one run.

    make bench          (runs this after the calls benchmarks)
    .venv/bin/python benchmarks/feedback.py [--people 1000]

On a throw-away SQLite database (PostgreSQL when --postgres) with the outbox as mail server:
a visit with 1,000 confirmed participants and a house end-of-visit template; a
`citypeers worker` (django-tasks' db_worker, as deployed) runs beside. The clock starts when
the survey's task is queued and stops when the 1,000th mail is in the outbox: the worker's
polling, the invitations, rendering each mail in its person's language and the batches'
commits are all inside. /healthz is timed through Django's test client in the same run, as
the yardstick. Writes benchmarks/results/feedback.json. Target: under 60 s on 2 cores.
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.calls.common import (
    PROJECT_DIR,
    RESULTS_DIR,
    Worker,
    environment,
    finish,
    machine,
    percentiles_ms,
    postgres_create,
    postgres_drop,
    run_main,
    stopped_on_sigterm,
    wait_for,
)

RESULTS_FILE = RESULTS_DIR / "feedback.json"
TARGET_SECONDS = 60
POSTGRES_NAME = "citypeers_bench_calls_feedback"  # the prefix the benchmarks' guard accepts


def build(people: int) -> int:
    """The visit, its participants and a survey due now; the survey's id."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from citypeers.feedback.enums import Audience, KirkpatrickLevel, Moment, QuestionKind
    from citypeers.feedback.models import Question, Survey, SurveyTemplate, SurveyTemplateVersion
    from citypeers.people.models import User
    from citypeers.places.models import Place
    from citypeers.programmes.models import Membership, Programme, Role, Visit

    today = timezone.localdate()
    programme = Programme.objects.create(
        name="Bench", slug="bench", starts_on=today, ends_on=today + datetime.timedelta(days=365)
    )
    place = Place.objects.create(name="Tampere", country="FI")
    visit = Visit.objects.create(
        programme=programme, title="Bench visit", slug="v", host_place=place
    )
    password = make_password(None)
    users = User.objects.bulk_create(
        User(
            email=f"p{n}@example.org",
            display_name=f"Person {n}",
            password=password,
            languages=["fr" if n % 3 == 0 else "en"],
        )
        for n in range(people)
    )
    Membership.objects.bulk_create(
        Membership(user=user, programme=programme, visit=visit, role=Role.PARTICIPANT)
        for user in users
    )
    template = SurveyTemplate.objects.create(
        moment=Moment.END_OF_VISIT, audience=Audience.PARTICIPANTS, title="End of the visit"
    )
    version = SurveyTemplateVersion.objects.create(template=template, number=1)
    Question.objects.create(
        version=version,
        position=1,
        key="useful",
        text="How useful was the visit?",
        kind=QuestionKind.RATING,
        level=KirkpatrickLevel.REACTION,
    )
    now = timezone.now()
    return Survey.objects.create(
        visit=visit,
        version=version,
        moment=Moment.END_OF_VISIT,
        audience=Audience.PARTICIPANTS,
        send_at=now,
        closes_at=now + datetime.timedelta(days=14),
    ).pk


def run_child(people: int, worker_env: dict, log_file: Path) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from citypeers.core.models import OutboxMessage
    from citypeers.feedback.models import Survey
    from citypeers.feedback.tasks import send_survey

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    survey_id = build(people)
    worker = Worker(worker_env, log_file)
    try:
        time.sleep(3)  # the worker's imports, before the clock starts
        worker.check_alive()
        begin = time.perf_counter()
        send_survey.enqueue(survey_id=survey_id)
        seconds = wait_for(
            lambda: OutboxMessage.objects.count() >= people,
            timeout=600,
            step=0.2,
            what=f"{people} mails in the outbox",
        )
        total = time.perf_counter() - begin
        worker.check_alive()
        sent = Survey.objects.get(pk=survey_id).sent_at is not None
    finally:
        worker.stop()
    client = Client(HTTP_HOST="127.0.0.1")
    health = []
    for _ in range(100):
        start = time.perf_counter()
        assert client.get("/healthz").status_code == 200
        health.append(time.perf_counter() - start)
    return {
        "people": people,
        "enqueue_to_last_mail_s": round(total, 2),
        "waited_s": round(seconds, 2),
        "mails_in_outbox": OutboxMessage.objects.count(),
        "survey_marked_sent": sent,
        "healthz": percentiles_ms(health),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        settings = json.loads(options.child)
        result = run_child(options.people, settings["env"], Path(settings["log"]))
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as data_dir, stopped_on_sigterm():
        database = (
            postgres_create(POSTGRES_NAME)
            if options.postgres
            else f"sqlite:///{data_dir}/bench.sqlite3"
        )
        env = environment(Path(data_dir), database, CACHE_URL="locmemcache://")
        print(f"feedback: a survey to {options.people} people through the queue…", flush=True)
        try:
            child = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--people",
                    str(options.people),
                    "--child",
                    json.dumps({"env": env, "log": f"{data_dir}/worker.log"}),
                ],
                cwd=PROJECT_DIR,
                env={**env, "PYTHONPATH": str(PROJECT_DIR / "src")},
                capture_output=True,
                text=True,
                timeout=1800,
            )
        finally:
            if options.postgres:
                postgres_drop(POSTGRES_NAME)
    if child.returncode != 0:
        raise SystemExit(f"the benchmark failed:\n{child.stderr[-3000:]}")
    figures = json.loads(child.stdout.strip().splitlines()[-1])
    problems = []
    if figures["enqueue_to_last_mail_s"] > TARGET_SECONDS:
        problems.append(f"sending took {figures['enqueue_to_last_mail_s']} s > {TARGET_SECONDS} s")
    if figures["mails_in_outbox"] != options.people or not figures["survey_marked_sent"]:
        problems.append(f"{figures['mails_in_outbox']} mails for {options.people} people")
    print(json.dumps(figures, indent=2))
    report = {
        "database": "postgresql" if options.postgres else "sqlite",
        "target_s": TARGET_SECONDS,
        **figures,
        "machine": machine(with_postgres=options.postgres),
        "problems": problems,
    }
    return finish(report, RESULTS_FILE)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeers.settings")
    run_main(main)
