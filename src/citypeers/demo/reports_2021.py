"""The ten 2021 visits' analytical reports, written from the facts the demo already holds
(the host, its real practice, the visit's dates, agenda and participants) and taken through the
platform's workflow: started by the demo rapporteur (prefilled), rewritten, sent to the visit's
host for the factual check, commented on, corrected, marked final and published by the
coordinator, each step dated in 2021.

The wording varies per visit (a generator seeded by the visit's address) but states nothing
the catalogue does not: figures and names come from the practice's text; what the report adds
is the rapporteur's framing, recommendations worded from the practice's own lessons and
conditions, and the participants' challenges from their applications.
"""

import datetime
import random

from citypeers.catalogue.models import Practice
from citypeers.demo.accounts import account, role_give
from citypeers.demo.history import entries_dated, last_entry
from citypeers.people.models import User
from citypeers.programmes.models import Role, Visit
from citypeers.reports.models import Report, ReportComment, ReportVersion
from citypeers.reports.services.reports import (
    report_comment_add,
    report_comment_resolve,
    report_create,
    report_mark_final,
    report_publish,
    report_save,
    report_send_for_check,
)
from citypeers.visits.selectors.roster import roster_of

OPENINGS = [
    "From {start} to {end}, {host} hosted an online peer-learning visit of Cultural Heritage in "
    "Action on “{title}”.",
    "{host} opened its practice, “{title}”, to peers from other European cities and regions in "
    "an online visit from {start} to {end}.",
    "This report follows the online peer-learning visit hosted by {host} from {start} to {end}, "
    "on “{title}”.",
]
FINDINGS = [
    "The visit found a practice that rests less on money than on lasting cooperation, and that "
    "others can adapt step by step.",
    "Participants left with a clear view of what made the practice work and of the conditions "
    "their own cities would need first.",
    "The discussions kept returning to one question: how to keep people involved once the "
    "first project is over.",
    "What impressed the peers most was how the host turned a one-off initiative into a way of "
    "working across departments.",
]
RECOMMENDATIONS = [
    "Write down the method behind “{title}” as a short guide in English, so the cities that "
    "asked for it can follow it without a visit.",
    "Keep the partners who made the practice work around one table each year, with an agenda "
    "they set together.",
    "Measure what the practice changes for residents, not only what it produces, and publish "
    "the figures with their year.",
    "Offer a follow-up call to the participants in six months, to hear what they have tried.",
    "Name one contact person for cities that want to adapt the practice, and say so on the "
    "city's website.",
    "Link the practice to the city's next strategy, so it does not depend on one team or one "
    "budget line.",
]
# (section, the host's comment, the rapporteur's correction added to the section)
CHECK_COMMENTS = [
    (
        "context",
        "Please give the year with each figure; some have changed since.",
        "Figures are those of the host's documents, each for the year stated there.",
    ),
    (
        "practice",
        "The partners' names should be written in full, as in our own documents.",
        "Partners are named as the host's own documents name them.",
    ),
    (
        "discussed",
        "Each day also had time for the participants' questions, not only presentations.",
        "Each day also left time for the participants' questions to the host's team.",
    ),
    (
        "summary",
        "Residents were involved from the start: please say so.",
        "The host stresses that residents were involved from the start.",
    ),
]
SPELLED = {"01": "January", "02": "February", "03": "March", "04": "April", "05": "May",
           "06": "June", "07": "July", "08": "August", "09": "September", "10": "October",
           "11": "November", "12": "December"}  # fmt: skip


def _day(date: datetime.date) -> str:
    return f"{date.day} {SPELLED[f'{date.month:02d}']} {date.year}"


def _bullets(text: str) -> str:
    """The practice's prose as a list, a sentence a line, unless it is a list already."""
    text = text.strip()
    if not text or text.startswith("- "):
        return text
    sentences = [s.strip() for s in text.replace("\n", " ").split(". ") if s.strip()]
    return "\n".join(f"- {s.rstrip('.')}." for s in sentences)


def report_text(visit: Visit, practice: Practice, prefilled: dict, rng: random.Random) -> dict:
    """The rapporteur's text: the prefilled sections rewritten and completed."""
    facts = {
        "host": visit.host_place.name,
        "title": practice.title,
        "start": _day(visit.starts_on),
        "end": _day(visit.ends_on or visit.starts_on),
    }
    participants = [p for p in roster_of(visit) if p.is_participant]
    countries = {p.country.code for p in participants if p.country}
    summary = [
        rng.choice(OPENINGS).format(**facts),
        practice.tagline.strip(),
        f"{len(participants)} participants from {len(countries)} countries took part.",
        rng.choice(FINDINGS),
        "This report sets out the practice, what was discussed, the challenges raised, what "
        "transfers and under which conditions, and the peers' recommendations to the host.",
    ]
    challenges = [p.challenge.strip() for p in participants if p.challenge.strip()]
    rng.shuffle(challenges)
    challenge_text = [practice.context.strip().split("\n\n")[0]]
    if challenges:
        challenge_text.append("The participants brought challenges of their own, among them:")
        challenge_text.append("\n".join(f"- {c}" for c in challenges[:4]))
    recommendations = rng.sample(RECOMMENDATIONS, 3)
    return {
        **prefilled,
        "summary": "\n\n".join(part for part in summary if part),
        "practice": "\n\n".join(
            part for part in (prefilled["practice"], practice.activities.strip()) if part
        ),
        "context": "\n\n".join(
            part for part in (prefilled["context"], practice.governance.strip()) if part
        ),
        "challenges": "\n\n".join(challenge_text),
        "transfer": "\n\n".join(
            part
            for part in (
                prefilled["transfer"],
                "Conditions the peers named: a political mandate that outlasts an election, a "
                "team with time set aside for it, and partners outside the city administration.",
            )
            if part
        ),
        "recommendations": "\n".join(
            f"{number}. {text.format(**facts)}" for number, text in enumerate(recommendations, 1)
        ),
        "takeaways": _bullets(practice.lessons),
    }


def _host_of(visit: Visit, *, coordinator: User, demo_host: User) -> User:
    """The demo host for the first visit; for the others, an account for the host's team."""
    if visit.memberships.filter(role=Role.HOST, user=demo_host).exists():
        return demo_host
    host = account(f"host.{visit.slug}@example.org", f"Host team, {visit.host_place.name}")
    role_give(user=host, programme=visit.programme, role=Role.HOST, visit=visit, by=coordinator)
    return host


def publish_demo_reports(
    visits: list[Visit], *, coordinator: User, rapporteur: User, demo_host: User
) -> int:
    """Each 2021 visit's published report, once; returns how many were made now."""
    made = 0
    for visit in visits:
        if Report.objects.filter(visit=visit).exists():
            continue
        practice = Practice.objects.filter(places=visit.host_place, is_generated=False).first()
        if practice is None or visit.ends_on is None:
            continue
        _report_written(visit, practice, coordinator, rapporteur, demo_host)
        made += 1
    return made


def _report_written(visit, practice, coordinator, rapporteur, demo_host) -> None:
    rng = random.Random(visit.slug)  # noqa: S311 - reproducible on purpose, not secret
    role_give(
        user=rapporteur,
        programme=visit.programme,
        role=Role.RAPPORTEUR,
        visit=visit,
        by=coordinator,
    )
    host = _host_of(visit, coordinator=coordinator, demo_host=demo_host)
    end = datetime.datetime.combine(visit.ends_on, datetime.time(9), tzinfo=datetime.UTC)
    when = {
        "report.created": end + datetime.timedelta(days=3),
        "report.saved": end + datetime.timedelta(days=rng.randint(12, 20)),
        "report.sent_for_check": end + datetime.timedelta(days=21),
        "report.commented": end + datetime.timedelta(days=rng.randint(23, 27)),
        "report.comment_resolved": end + datetime.timedelta(days=29),
        "report.final": end + datetime.timedelta(days=30),
        "report.published": end + datetime.timedelta(days=rng.randint(35, 45)),
    }
    mark = last_entry()
    report = report_create(visit=visit, by=rapporteur, language="en")
    first = report.versions.get()
    text = report_text(visit, practice, first.sections, rng)
    report_save(report=report, sections=text, edited_version=1, by=rapporteur, note="First draft")
    report_send_for_check(report=report, by=rapporteur, notify=False)
    section, body, correction = rng.choice(CHECK_COMMENTS)
    comment = report_comment_add(report=report, section_key=section, body=body, by=host)
    corrected = {**text, section: f"{text[section]}\n\n{correction}".strip()}
    report_save(
        report=report, sections=corrected, edited_version=2, by=rapporteur, note="Host's check"
    )
    report_comment_resolve(comment=comment, by=rapporteur, now=when["report.comment_resolved"])
    report_mark_final(report=report, by=rapporteur)
    report_publish(report=report, by=coordinator, now=when["report.published"])
    # What only the clock writes, dated as it happened in 2021.
    entries_dated(mark, lambda entry: when.get(entry.action))
    Report.objects.filter(pk=report.pk).update(created_at=when["report.created"])
    ReportVersion.objects.filter(report=report, number=1).update(created_at=when["report.created"])
    ReportVersion.objects.filter(report=report, number=2).update(created_at=when["report.saved"])
    ReportVersion.objects.filter(report=report, number=3).update(
        created_at=when["report.comment_resolved"]
    )
    ReportComment.objects.filter(pk=comment.pk).update(created_at=when["report.commented"])
