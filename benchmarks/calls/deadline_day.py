"""Deadline day: 500 applicants submit in the last minute before a call closes WHILE 200
people browse the library, on gunicorn with PostgreSQL and with SQLite; nothing lost, nothing
duplicated, no error, and the latency of submissions and of browsing apart.

    .venv/bin/python benchmarks/calls/deadline_day.py [--databases postgresql,sqlite]
        [--applicants 500] [--browsers 200] [--double 50] [--late 5] [--practices 300]
        [--window 60] [--margin 5] [--close-after 100] [--workers N] [--threads N]

The site is the submission benchmark's (`submissions.py`: one open call, its applicants
each logged in with a draft; `submissions_data.py` checks the database afterwards) plus
`--practices` published practices in the search index. gunicorn serves it as `citypeers
serve` does (gthread, the same worker and thread counts unless given), against 127.0.0.1
only. Every applicant opens the apply page first; then each posts the complete form at a
moment of its own, spread at random over the `--window` seconds that end `--margin` s before
the close (`--window 0`: all at once, the submission benchmark's worst case); `--double` of
them post twice at the same moment (a double click). Meanwhile, from before the first post
to after the last answer, each of the `--browsers` anonymous readers loops: the library in
one of four languages, with a search (80 %) or without, or a practice's page, then 0.5 to
3 s of reading. After the close `--late` applicants post again and must get the closed
message.

Browsing latency counts the pages asked for from the window's start (before it, the workers
warm up while every applicant opens the form); every page read counts for the checks.

Checked: every post answered with the redirect to "my applications", every page read with
200, no 5xx in the access log and no error in the server log, and the database (exactly one
application per applicant, as posted; one audit entry and one queued copy per accepted post).
Prints and writes to benchmarks/results/calls_deadline_day.json p50/p95/max for submissions
and for browsing apart, errors, lost and duplicated applications, and whether submissions met
the target (p95 under 2 s); exit status 1 on any loss, duplicate, error or 5xx (a missed
target is reported, not an error: the lead measures on a quiet machine).
"""

import argparse
import datetime
import random
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the benchmarks package
sys.path.insert(1, str(Path(__file__).resolve().parents[2] / "src"))  # this checkout's code

from benchmarks.calls.common import (
    RESULTS_DIR,
    percentiles_ms,
    run_main,
)
from benchmarks.calls.http_client import Answer, request
from benchmarks.calls.submissions import (
    CLOSED_MESSAGE,
    SUBMITTED_REDIRECT,
    check_answers,
    every_database,
    in_threads,
    measured_in_child,
    open_forms,
    prepare_site,
    server_5xx,
    site_options,
    site_parser,
    site_server,
    statuses,
    try_late,
)
from benchmarks.calls.submissions_data import CALL_SLUG, Applicant, check_database
from benchmarks.library_search import WORDS
from citypeers.__main__ import WEB_THREADS, web_workers

RESULTS_FILE = RESULTS_DIR / "calls_deadline_day.json"
BROWSING_LANGUAGES = ["en", "fr", "de", "pl"]
READING_SECONDS = (0.5, 3.0)
TARGET_SUBMIT_P95_MS = 2000


def parse_arguments() -> argparse.Namespace:
    parser = site_parser(__doc__, applicants=500)
    parser.add_argument("--browsers", type=int, default=200, help="people reading the library")
    parser.add_argument("--double", type=int, default=50, help="of the applicants, who post twice")
    parser.add_argument("--late", type=int, default=5, help="posts tried after the close")
    parser.add_argument("--practices", type=int, default=300, help="published practices")
    parser.add_argument("--window", type=float, default=60, help="s over which posts arrive")
    parser.add_argument("--margin", type=float, default=5, help="s between the last and close")
    parser.add_argument("--close-after", type=float, default=100, help="s from the load's start")
    parser.add_argument("--workers", type=int, default=web_workers(), help="as citypeers serve")
    parser.add_argument("--threads", type=int, default=WEB_THREADS, help="as citypeers serve")
    options = site_options(parser)
    if not 0 <= options.double <= options.applicants or options.late > options.applicants:
        parser.error("--double and --late must be between 0 and --applicants")
    if options.window < 0 or options.margin <= 0:
        parser.error("--window must be at least 0 and --margin more than 0")
    if options.window + options.margin >= options.close_after:
        parser.error("--close-after must leave time to open the forms before the window")
    return options


def browse_paths(rng: random.Random, practice_slugs: list[str]) -> list[tuple[str, str]]:
    """(kind, path) for one reader's next pages: what people open on the library."""
    language = rng.choice(BROWSING_LANGUAGES)
    roll = rng.random()
    if roll < 0.4 or not practice_slugs:
        return [("search", f"/{language}/library/?q={rng.choice(WORDS).replace(' ', '+')}")]
    if roll < 0.55:
        return [("library", f"/{language}/library/")]
    return [("practice", f"/{language}/practices/{rng.choice(practice_slugs)}/")]


class Readers:
    """`count` anonymous readers browsing the library until stopped, each in a thread."""

    def __init__(self, port: int, count: int, practice_slugs: list[str], seed: int):
        self.port, self.slugs = port, practice_slugs
        self.answers: list[tuple[str, float, Answer]] = []  # kind, time.time() sent, answer
        self.lock, self.stopped = threading.Lock(), threading.Event()
        self.threads = [
            threading.Thread(target=self.read, args=(random.Random(seed + n),), daemon=True)
            for n in range(count)
        ]

    def read(self, rng: random.Random) -> None:
        self.stopped.wait(rng.uniform(*READING_SECONDS))  # readers do not all start together
        while not self.stopped.is_set():
            for kind, path in browse_paths(rng, self.slugs):
                sent = time.time()
                answer = request(self.port, "GET", path, cookies={})
                with self.lock:
                    self.answers.append((kind, sent, answer))
            self.stopped.wait(rng.uniform(*READING_SECONDS))

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_exc):
        self.stopped.set()
        for thread in self.threads:
            thread.join()


def submit_spread(
    port: int,
    path: str,
    applicants: list[Applicant],
    question_pk: int,
    doubles: set[int],
    moments: dict[int, float],
) -> list[Answer]:
    """Each applicant posts at its own moment (time.time()), the doubles twice at once."""
    lock = threading.Lock()
    answers: list[Answer] = []

    def post(applicant: Applicant) -> None:
        time.sleep(max(0.0, moments[applicant.number] - time.time()))
        answer = request(
            port, "POST", path, cookies=applicant.cookies, fields=applicant.fields(question_pk)
        )
        with lock:
            answers.append(answer)

    jobs = [lambda a=a: post(a) for a in applicants]
    jobs += [lambda a=a: post(a) for a in applicants if a.number in doubles]
    in_threads(jobs)
    return answers


def add_practices(count: int) -> None:
    """Published practices, indexed for the search (the library benchmark's generator)."""
    from benchmarks.practice_generator import generate_practices
    from citypeers.library.indexing import rebuild_index

    generate_practices(count)
    rebuild_index()


def run(options: argparse.Namespace, database: str, scratch: Path) -> dict:
    """Measures one database; runs in the child process for it."""
    rng = random.Random(21)
    env, call_pk, question_pk, applicants, prepared_s = prepare_site(
        options, database, scratch, rng, extra=lambda: add_practices(options.practices)
    )
    from django.db import connections  # once prepare_site has set Django up

    from citypeers.calls.models import Call
    from citypeers.catalogue.models import Practice

    slugs = list(Practice.objects.values_list("slug", flat=True)[:100])
    doubles = {a.number for a in rng.sample(applicants, options.double)}
    late = rng.sample(applicants, options.late)
    path = f"/en/calls/{CALL_SLUG}/apply/"
    server = site_server(env, options.workers, scratch)
    try:
        server.wait_until_ready()
        load_start = time.time()
        closes = load_start + options.close_after
        Call.objects.filter(pk=call_pk).update(
            closes_at=datetime.datetime.fromtimestamp(closes, datetime.UTC)
        )
        connections.close_all()
        window_start = closes - options.margin - options.window
        moments = {a.number: window_start + rng.uniform(0, options.window) for a in applicants}
        with Readers(server.port, options.browsers, slugs, seed=21) as readers:
            print(f"{options.browsers} readers browse; {len(applicants)} open the apply page")
            opened = open_forms(server.port, path, applicants)
            forms_late_s = time.time() - window_start
            print(
                f"posts arrive over {options.window:.0f} s, ending {options.margin:.0f} s "
                f"before the close; {len(doubles)} applicants post twice"
            )
            posts = submit_spread(server.port, path, applicants, question_pk, doubles, moments)
            last_answer = time.time()
        time.sleep(max(0.0, closes + 1 - time.time()))
        late_answers = try_late(server.port, path, late, question_pk)
    finally:
        server.stop()
        RESULTS_DIR.mkdir(exist_ok=True)
        (RESULTS_DIR / f"calls_deadline_day-{database}-server.log").write_text(
            server.server_log.read_text(errors="replace")
        )
    reads = [answer for _kind, _sent, answer in readers.answers]
    # Latency while the posts arrive; before, the workers were still warming up.
    during = [(kind, a) for kind, sent, a in readers.answers if sent >= window_start]
    problems = check_answers(opened, expect_status=200, expect="", label="GET apply page")
    problems += check_answers(posts, expect_status=302, expect=SUBMITTED_REDIRECT, label="POST")
    problems += check_answers(reads, expect_status=200, expect="", label="GET library")
    problems += check_answers(
        late_answers, expect_status=200, expect=CLOSED_MESSAGE, label="late POST", where="text"
    )
    if forms_late_s > 0:
        problems.append(f"the forms were still opening {forms_late_s:.1f} s into the window")
    if last_answer >= closes:
        problems.append("the submissions were still being answered at the closing time")
    if errors := server_5xx(server):
        problems.append(f"server answered 5xx: {errors}")
    problems += [f"server log: {line}" for line in server.log_problems()]
    accepted = sum(1 for a in posts if a.status == 302)
    closes_at = datetime.datetime.fromtimestamp(closes, datetime.UTC)
    facts, database_problems = check_database(call_pk, question_pk, applicants, accepted, closes_at)
    submit = percentiles_ms([a.seconds for a in posts])
    return {
        "engine": database,
        "gunicorn": {"workers": options.workers, "threads": options.threads},
        "applicants": len(applicants),
        "browsers": options.browsers,
        "window_seconds": options.window,
        "prepare_seconds": prepared_s,
        "submit": {"requests": len(posts), "statuses": statuses(posts)} | submit,
        "browse": {"requests": len(during), "statuses": statuses([a for _k, a in during])}
        | percentiles_ms([a.seconds for _kind, a in during])
        | {
            kind: percentiles_ms([a.seconds for k, a in during if k == kind])
            for kind in ("search", "library", "practice")
        },
        "browse_before_the_window": {"requests": len(reads) - len(during)}
        | percentiles_ms([a.seconds for _k, sent, a in readers.answers if sent < window_start]),
        "open_form": {"requests": len(opened)} | percentiles_ms([a.seconds for a in opened]),
        "late": {"requests": len(late_answers), "statuses": statuses(late_answers)},
        "errors_5xx": sum(n for status, n in server_5xx(server).items()),
        "lost": facts["applicants"] - facts["submitted"],
        "duplicated": facts["applicants_with_two_or_more_applications"],
        "submit_target_p95_ms": TARGET_SUBMIT_P95_MS,
        "submit_target_met": (submit["p95_ms"] or 0) < TARGET_SUBMIT_P95_MS,
        "database": facts,
        "problems": problems + database_problems,
    }


def print_comparison(results: dict[str, dict]) -> None:
    print(
        f"\n{'database':<12}{'what':<10}{'n':>7}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}  statuses"
    )
    for database, result in results.items():
        for what in ("submit", "browse"):
            row = result[what]
            print(
                f"{database:<12}{what:<10}{row['requests']:>7}{row['p50_ms'] or 0:>9}"
                f"{row['p95_ms'] or 0:>9}{row['max_ms'] or 0:>9}  {row['statuses']}"
            )
        print(
            f"{'':<12}lost {result['lost']}, duplicated {result['duplicated']}, 5xx "
            f"{result['errors_5xx']}; submit p95 target met: {result['submit_target_met']}"
        )


def main() -> int:
    options = parse_arguments()
    if options.child:
        return measured_in_child(options, run)
    return every_database(options, __file__, RESULTS_FILE, print_comparison)


if __name__ == "__main__":
    run_main(main)
