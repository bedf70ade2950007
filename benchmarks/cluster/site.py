"""The cluster benchmarks' data, made and checked inside a running cluster's environment.

    python -m benchmarks.cluster.site prepare --tag TAG --applicants N
    python -m benchmarks.cluster.site check --tag TAG

Run by `benchmarks.cluster.running.Cluster.site` with the cluster's environment (its
database, cache, secret key), never by the benchmark's own process: that one may be a test
run whose Django is configured for the test database. Prints one line of JSON.

`prepare` makes, through the demo's builders and the services, the demo's open call (the
same builder `citypeers demo` uses: idempotent, and it keeps the call open) and N applicants
named after TAG, each affiliated to one benchmark organisation and logged in (a session made
server-side, in the cluster's session store). `check` reads what the cluster stored for
TAG's applicants: their applications, the confirmation mails in the outbox and the tasks that
sent them.
"""

import argparse
import json
import sys
from collections import Counter
from email.utils import parseaddr

EMAIL_DOMAIN = "lb.bench.example.org"
COORDINATOR_EMAIL = f"coordinator@{EMAIL_DOMAIN}"
ORGANISATION_NAME = "Benchmark heritage office"


def applicant_email(tag: str, number: int) -> str:
    return f"{tag}-{number:05d}@{EMAIL_DOMAIN}"


def prepare(*, tag: str, count: int) -> dict:
    """The open call and `count` logged-in applicants without an application yet."""
    import importlib

    from django.conf import settings
    from django.contrib.auth.hashers import make_password
    from django.db import transaction

    from benchmarks.calls.submissions_data import logged_in_session
    from citypeers.demo.accounts import account
    from citypeers.demo.calls_open import CALL_HOSTS, load_open_call, next_round_load
    from citypeers.demo.programme_2021 import place_named
    from citypeers.people.models import Organisation, User
    from citypeers.people.services import affiliations_grant_many

    coordinator = account(COORDINATOR_EMAIL, "Benchmark coordinator")
    with transaction.atomic():
        programme = next_round_load(coordinator)
        places = {name: place_named(name, country, "city") for name, country in CALL_HOSTS}
        call = load_open_call(programme=programme, places=places, by=coordinator)
    organisation = Organisation.objects.get_or_create(
        name=ORGANISATION_NAME, defaults={"type": Organisation.Type.LOCAL_AUTHORITY}
    )[0]
    # Sign-up is allauth's (no service of ours): accounts made as it leaves them, many at once.
    unusable = make_password(None)
    users = User.objects.bulk_create(
        User(
            email=applicant_email(tag, number),
            password=unusable,
            display_name=f"Applicant {tag} {number}",
            languages=["en"],
        )
        for number in range(count)
    )
    affiliations_grant_many(
        grants=[(user, organisation) for user in users], by=coordinator, reason="Benchmark."
    )
    store = importlib.import_module(settings.SESSION_ENGINE).SessionStore
    applicants = [
        {"number": number, "user_pk": user.pk, "session": logged_in_session(user, store)}
        for number, user in enumerate(users)
    ]
    return {
        "call_slug": call.slug,
        "question_pk": call.questions.get().pk,
        "visits": list(call.visits.order_by("starts_on").values_list("pk", flat=True)),
        "applicants": applicants,
    }


def check(*, tag: str) -> dict:
    """What the cluster holds for TAG's applicants: applications, mails, the mails' tasks."""
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    from citypeers.calls.models import Application
    from citypeers.core.models import OutboxMessage

    prefix = f"{tag}-"
    applications = Application.objects.filter(
        applicant__email__startswith=prefix, applicant__email__endswith=f"@{EMAIL_DOMAIN}"
    )
    per_applicant = applications.values("applicant").annotate(n=Count("pk"))
    submitted = applications.filter(status=Application.Status.SUBMITTED)
    mails = Counter(
        parseaddr(recipient)[1]
        for message in OutboxMessage.objects.filter(to__contains=prefix)
        for recipient in message.recipients
    )
    application_ids = set(applications.values_list("pk", flat=True))
    copies = [
        row
        for row in DBTaskResult.objects.filter(task_path__endswith="send_application_copy")
        if row.args_kwargs.get("kwargs", {}).get("application_id") in application_ids
    ]
    return {
        "applications": applications.count(),
        "submitted": submitted.count(),
        "applicants_with_two_or_more": per_applicant.filter(n__gt=1).count(),
        "submitted_applicant_pks": sorted(submitted.values_list("applicant_id", flat=True)),
        "mails": sum(mails.values()),
        "people_mailed": len(mails),
        "people_mailed_twice": sum(1 for n in mails.values() if n > 1),
        "tasks": dict(Counter(str(row.status) for row in copies)),
        # A row claimed by more than one worker: its first worker died with it running.
        "tasks_handed_back": sum(1 for row in copies if len(row.worker_ids) > 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("action", choices=["prepare", "check"])
    parser.add_argument("--tag", required=True, help="names this run's applicants")
    parser.add_argument("--applicants", type=int, default=0)
    options = parser.parse_args(argv)
    import django

    django.setup()
    if options.action == "prepare":
        result = prepare(tag=options.tag, count=options.applicants)
    else:
        result = check(tag=options.tag)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
