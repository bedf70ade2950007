"""Applicants for the cluster benchmarks: made in the cluster (benchmarks/cluster/site.py),
each with the apply page opened over HTTP through the load balancer for its CSRF token and
cookie, as a browser would before posting the form."""

import random
from concurrent.futures import ThreadPoolExecutor

from benchmarks.calls.http_client import Answer, csrf_token, request
from benchmarks.calls.submissions_data import LANGUAGES, SIZE_ANSWERS, Applicant
from benchmarks.cluster.running import Cluster

OPENING_THREADS = 8  # applicants opening the form at once (their pages are made for each)


def applicants_ready(cluster: Cluster, tag: str, count: int) -> tuple[str, list[Applicant], int]:
    """`count` applicants made in the cluster, each with the apply page opened over HTTP (its
    CSRF token and cookie); the apply page's path, the applicants and the question's pk."""
    made = cluster.site("prepare", tag=tag, applicants=count)
    rng = random.Random(tag)
    visits = made["visits"]
    applicants = [
        Applicant(
            number=row["number"],
            user_pk=row["user_pk"],
            session_key=row["session"],
            preferences=[visits[0]] if rng.random() < 0.2 else rng.sample(visits, 2),
            languages=sorted(rng.sample(LANGUAGES, rng.randint(1, 3))),
            size_answer=rng.choice(SIZE_ANSWERS),
        )
        for row in made["applicants"]
    ]
    path = f"/en/calls/{made['call_slug']}/apply/"

    def open_form(applicant: Applicant) -> Answer:
        answer = request(cluster.port, "GET", path, cookies={"sessionid": applicant.session_key})
        applicant.csrf_token = csrf_token(answer.text) or ""
        applicant.csrf_cookie = answer.cookies.get("csrftoken", "")
        return answer

    with ThreadPoolExecutor(OPENING_THREADS) as pool:
        opened = list(pool.map(open_form, applicants))
    failed = [a for a, answer in zip(applicants, opened, strict=True) if not a.csrf_token]
    if failed:
        statuses = {answer.status for answer in opened}
        raise RuntimeError(f"{len(failed)} apply pages gave no form (statuses {statuses})")
    return path, applicants, made["question_pk"]
