"""An issue of a newsletter to 10,000 subscribers, queued and sent through the task queue and
the outbox, timed beside /healthz in one run.

    make bench          (runs this after the impact benchmark)
    .venv/bin/python benchmarks/newsletter.py [--subscribers 10000] [--workers 1] [--postgres]

On a throw-away SQLite database (PostgreSQL when --postgres) with the outbox as mail server:
a programme with 10,000 confirmed subscribers (a third reading French first, half of them
following one of two themes) and an issue of 5 items (3 news in English and French, a visit, a
published report), in two languages. `citypeers worker` (django-tasks' db_worker, the database
task backend, as deployed: `--workers` of them) runs beside. The clock starts when the
coordinator's "Send" runs (`issue_send`: the issue marked sent and one task queued, which
queues a delivery row per subscriber and a task per batch of 200) and stops when every
delivery is done (sent, or skipped: nothing for their themes):
the worker's polling, the theme filtering, the renders and the batches' commits are inside.
/healthz is timed through Django's test client in the same run, as the yardstick. Writes
benchmarks/results/newsletter.json (newsletter-postgres.json with --postgres).
Target: under 5 minutes on 2 cores.
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

TARGET_SECONDS = 300
POSTGRES_NAME = "citypeers_bench_calls_newsletter"  # the prefix the benchmarks' guard accepts


def build(subscribers: int) -> int:
    """The programme, its subscribers and an issue ready to send; the issue's id."""
    import secrets

    from django.utils import timezone

    from citypeers.news.models import NewsItem, NewsText
    from citypeers.newsletter.models import Subscription
    from citypeers.newsletter.services.issues import issue_save
    from citypeers.places.models import Place
    from citypeers.programmes.models import Programme, Theme, Visit
    from citypeers.reports.enums import ReportStatus
    from citypeers.reports.models import Report

    now = timezone.now()
    today = timezone.localdate()
    programme = Programme.objects.create(
        name="Bench", slug="bench", starts_on=today, ends_on=today + datetime.timedelta(days=365)
    )
    water = Theme.objects.create(name="Water", slug="water")
    food = Theme.objects.create(name="Food", slug="food")
    place = Place.objects.create(name="Tampere", country="FI")
    visit = Visit.objects.create(
        programme=programme,
        title="Harbour visit",
        slug="harbour",
        host_place=place,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=2),
    )
    visit.themes.set([water])
    report = Report.objects.create(
        visit=visit,
        language="en",
        title="What the harbour taught us",
        status=ReportStatus.PUBLISHED,
        published_at=now,
    )
    news = []
    for n, themes in enumerate([[water], [food], []]):
        item = NewsItem.objects.create(
            slug=f"news-{n}", programme=programme, publish_at=now - datetime.timedelta(days=n)
        )
        item.themes.set(themes)
        NewsText.objects.create(
            item=item, language="en", title=f"News {n}", summary="A summary " * 10, body="…"
        )
        NewsText.objects.create(
            item=item, language="fr", title=f"Nouvelle {n}", summary="Un résumé " * 10, body="…"
        )
        news.append(item)
    rows = Subscription.objects.bulk_create(
        (
            Subscription(
                programme=programme,
                email=f"s{n}@example.org",
                languages=["fr", "en"] if n % 3 == 0 else ["en"],
                consent_text="I agree.",
                consented_at=now,
                confirmed_at=now,
                token=secrets.token_urlsafe(32),
            )
            for n in range(subscribers)
        ),
        batch_size=2000,
    )
    through = Subscription.themes.through
    through.objects.bulk_create(
        (
            through(subscription_id=row.pk, theme_id=(water if n % 4 == 1 else food).pk)
            for n, row in enumerate(rows)
            if n % 2
        ),
        batch_size=2000,
    )
    items = [*(("news", item) for item in news), ("visit", visit), ("report", report)]
    issue = issue_save(
        programme=programme,
        texts={"en": ("Spring issue", "Hello **everyone**."), "fr": ("Printemps", "Bonjour.")},
        language="en",
        items=items,
        by=None,
    )
    return issue.pk


def run_child(subscribers: int, workers: int, worker_env: dict, log_dir: Path) -> dict:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from citypeers.core.models import OutboxMessage
    from citypeers.newsletter.enums import DeliveryState
    from citypeers.newsletter.models import Delivery, Issue
    from citypeers.newsletter.services.issues import issue_send

    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    begin_build = time.perf_counter()
    issue_id = build(subscribers)
    built = time.perf_counter() - begin_build
    running = [Worker(worker_env, log_dir / f"worker{n}.log") for n in range(workers)]
    try:
        time.sleep(3)  # the workers' imports, before the clock starts
        for worker in running:
            worker.check_alive()
        begin = time.perf_counter()
        queued_count = issue_send(issue=Issue.objects.get(pk=issue_id), by=None)
        queued = time.perf_counter() - begin
        issue = Issue.objects.filter(pk=issue_id)
        waited = wait_for(
            lambda: (
                issue.filter(recipients__isnull=False).exists()
                and not Delivery.objects.filter(state=DeliveryState.QUEUED).exists()
            ),
            timeout=1200,
            step=0.25,
            what="every delivery sent",
        )
        total = time.perf_counter() - begin
        for worker in running:
            worker.check_alive()
    finally:
        for worker in running:
            worker.stop()
    states = dict(
        Delivery.objects.values_list("state").annotate(n=django.db.models.Count("pk")).order_by()
    )
    client = Client(HTTP_HOST="127.0.0.1")
    health = []
    for _ in range(100):
        start = time.perf_counter()
        assert client.get("/healthz").status_code == 200
        health.append(time.perf_counter() - start)
    return {
        "subscribers": subscribers,
        "workers": workers,
        "database_vendor": connection.vendor,
        "build_s": round(built, 2),
        "send_request_s": round(queued, 2),
        "send_to_last_mail_s": round(total, 2),
        "waited_s": round(waited, 2),
        "mails_per_s": round(states.get(DeliveryState.SENT, 0) / total, 1),
        "queued_deliveries": queued_count,
        "deliveries": states,
        "mails_in_outbox": OutboxMessage.objects.count(),
        "healthz": percentiles_ms(health),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--postgres", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.child:
        settings = json.loads(options.child)
        result = run_child(
            options.subscribers, options.workers, settings["env"], Path(settings["logs"])
        )
        print(json.dumps(result))
        return 0
    with tempfile.TemporaryDirectory() as data_dir, stopped_on_sigterm():
        database = (
            postgres_create(POSTGRES_NAME)
            if options.postgres
            else f"sqlite:///{data_dir}/bench.sqlite3"
        )
        # This checkout's code for the workers too (the virtualenv may be another checkout's).
        env = environment(
            Path(data_dir),
            database,
            CACHE_URL="locmemcache://",
            PYTHONPATH=str(PROJECT_DIR / "src"),
        )
        print(
            f"newsletter: an issue to {options.subscribers} subscribers, "
            f"{options.workers} worker(s)…",
            flush=True,
        )
        try:
            child = subprocess.run(
                [
                    sys.executable,
                    __file__,
                    "--subscribers",
                    str(options.subscribers),
                    "--workers",
                    str(options.workers),
                    "--child",
                    json.dumps({"env": env, "logs": data_dir}),
                ],
                cwd=PROJECT_DIR,
                env=env,
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
    if figures["send_to_last_mail_s"] > TARGET_SECONDS:
        problems.append(f"sending took {figures['send_to_last_mail_s']} s > {TARGET_SECONDS} s")
    sent = figures["deliveries"].get("sent", 0)
    done = sent + figures["deliveries"].get("skipped", 0)
    if figures["mails_in_outbox"] != sent or done != options.subscribers:
        problems.append(
            f"{figures['mails_in_outbox']} mails in the outbox, {sent} sent, {done} done "
            f"for {options.subscribers} subscribers"
        )
    print(json.dumps(figures, indent=2))
    report = {
        "database": "postgresql" if options.postgres else "sqlite",
        "target_s": TARGET_SECONDS,
        **figures,
        "machine": machine(with_postgres=options.postgres),
        "problems": problems,
    }
    name = "newsletter-postgres" if options.postgres else "newsletter"
    return finish(report, RESULTS_DIR / f"{name}.json")


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "citypeers.settings")
    run_main(main)
