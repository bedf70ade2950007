"""Issue 22's "Done when": the main journeys (apply, review, select, publish, confirm,
feedback) through HAProxy, with requests alternating between the app servers.

People use the site as in a browser (tests/cluster/visitor.py): each with their own cookies,
each form sent as its page gave it. Mails are read as the demo's people read them: staff open
the outbox; the sign-up link, which the outbox hides, is in the app servers' console. Every
answer's app server is noted: consecutive requests must come from different servers, so each
form page and its sending, each action and the message it leaves, were answered by different
app servers, and sessions, CSRF tokens, messages, uploads and rate limits had to hold across
them.
"""

import datetime
import itertools
import re
import time
import zoneinfo

from tests.cluster.visitor import Answer, Page, Visitor, mailed_link
from tests.samples import PDF

CALL_TITLE = "Call for participants: heritage walks"
WAIT_SECONDS = 60  # for the worker: a selection run, a mail
APPLICANT = ("Aino Applicant", "aino@example.org", "a long walk along the river")
CONSENT = (
    "I agree that the programme's coordinators and reviewers process the data in this "
    "application to make this call's selection, and keep it until the programme ends."
)


def assert_alternating(answers: list[Answer]) -> None:
    """No two consecutive answers from one app server, and each server answered."""
    repeated = [
        f"{one}\n  then {two}"
        for one, two in itertools.pairwise(answers)
        if one.server == two.server
    ]
    assert not repeated, "the same server answered twice in a row:\n" + "\n".join(repeated)
    assert {answer.server for answer in answers} == {"app1", "app2"}


def waiting_for(person: Visitor, path: str, shown: str) -> Page:
    """The page at `path` once it shows `shown` (what the worker does in the background)."""
    deadline = time.monotonic() + WAIT_SECONDS
    while shown not in (page := person.get(path)).text:
        assert time.monotonic() < deadline, f"{path} never showed {shown!r}: {page.text[:500]}"
        time.sleep(1)
    return page


def mail(staff: Visitor, to: str, subject: str) -> str:
    """The text of the mail to `to` with this subject, as staff read it in the outbox."""
    listing = waiting_for(staff, f"/en/staff/outbox/?q={to}", subject)
    return staff.get(listing.link(subject)).text


def sign_up_and_apply(cluster) -> Visitor:
    """Someone new signs up, confirms their address from the link printed for the demo's
    visitors, signs in and applies to the open call with their CV."""
    name, email, password = APPLICANT
    applicant = cluster.visitor()
    page = applicant.get("/en/accounts/signup/")
    page = applicant.press(
        page,
        "Sign Up",
        fields={"Name": name, "Email": email, "Password": password, "Password (again)": password},
    )
    assert page.heading == "Verify Your Email Address"
    assert f"Confirmation email sent to {email}." in page.messages
    link = re.search(rf"Account e-mail to \['{email}'\]: (\S+)", cluster.app_logs()).group(1)
    page = applicant.press(applicant.get(link), "Confirm")
    assert f"You have confirmed {email}." in page.messages
    page = applicant.press(page, "Sign In", fields={"Email": email, "Password": password})
    assert page.heading == f"Welcome, {name}"

    call = cluster.facts["call"]
    page = applicant.get(f"/en/calls/{call}/")
    assert CALL_TITLE in page.heading
    page = applicant.get(page.link("Apply"))
    page = applicant.press(
        page,
        "Send the application",
        fields={
            "Your role in your organisation": "Heritage officer",
            "What you want to learn": "How residents lead heritage walks.",
            "What you can share with others": "Our mill restoration.",
            "A challenge from your own city": "Empty industrial mills.",
            "Why you want to take part": "To learn from peers.",
            "English": True,
            "Visit, choice 1": cluster.facts["visit_title"],
            "Your CV": ("aino-cv.pdf", PDF, "application/pdf"),
            CONSENT: True,
        },
    )
    assert page.heading == "My applications", page.errors
    assert page.messages == [
        "Your application is sent. A copy is on its way to your mailbox; you can change it "
        "until the call closes."
    ]
    assert "Submitted" in page.text
    return applicant


def close_and_assign_reviewers(coordinator: Visitor, call: str) -> None:
    """The coordinator reads the application and its CV (from each app server), closes the
    call a minute ago and has the reviewers assigned."""
    page = coordinator.get(f"/en/calls/{call}/applications/")
    page = coordinator.get(page.link(APPLICANT[0]))
    assert page.heading == f"Application of {APPLICANT[0]}"
    assert "Empty industrial mills." in page.text
    cv = page.link("aino-cv.pdf")
    # Uploaded through one app server, stored where every server reads it: two downloads in
    # a row come from two servers.
    downloads = [coordinator.download(cv), coordinator.download(cv)]
    assert [(download.status_code, download.content) for download in downloads] == [(200, PDF)] * 2
    assert len({download.headers["X-Served-By"] for download in downloads}) == 2

    page = coordinator.get(f"/en/calls/{call}/edit/")
    brussels = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Brussels"))
    a_minute_ago = (brussels - datetime.timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%M")
    page = coordinator.press(
        page, "Save and go to the questions", fields={"Closes (the call's time)": a_minute_ago}
    )
    assert page.messages == ["The call is saved."], page.errors
    page = coordinator.press(
        coordinator.get(f"/en/calls/{call}/review/"), "Assign reviewers to every application"
    )
    assert page.messages == ["1 review assigned."]


def review(cluster, staff: Visitor) -> None:
    """The reviewer, told by mail, scores the application."""
    call, reviewer_email = cluster.facts["call"], cluster.facts["people"]["reviewer"]
    told = mail(staff, reviewer_email, f"1 application of “{CALL_TITLE}” to review")
    assert CALL_TITLE in told
    reviewer = cluster.signed_in(reviewer_email)
    page = reviewer.get(f"/en/calls/{call}/review/")
    page = reviewer.get(page.link(APPLICANT[0]))
    assert "How residents lead heritage walks." in page.text
    page = reviewer.press(
        page,
        "Save the scores",
        fields={"Motivation > 4": True, "Comment on “Motivation”": "Clear and concrete."},
    )
    assert page.messages == ["Your scores are saved."], page.errors
    assert f"{APPLICANT[0]} · scored" in page.text


def select_and_publish(coordinator: Visitor, call: str) -> None:
    page = coordinator.get(f"/en/calls/{call}/selection/")
    page = coordinator.press(page, "Run the selection (1 application sent)")
    assert page.messages == ["Run 1 has started; this page shows it when it is done."]
    page = waiting_for(coordinator, f"/en/calls/{call}/selection/", "Proven optimal")
    assert f"{APPLICANT[0]} · selected for preference 1" in page.text
    page = coordinator.get(page.link("Publish the decisions of run 1…"))
    assert "Publishing tells 1 applicant their outcome by e-mail." in page.text
    page = coordinator.press(page, "Publish and send 1 e-mail")
    assert page.messages == ["The decisions are published: 1 applicant is being told."]


def confirm(applicant: Visitor, staff: Visitor, visit_title: str) -> None:
    outcome = mail(staff, APPLICANT[1], f"The outcome of your application to “{CALL_TITLE}”")
    assert f"you have a place on the visit “{visit_title}”" in outcome
    page = applicant.get("/en/me/applications/")
    assert "Selected" in page.text
    page = applicant.press(page, "Confirm my place")
    assert page.messages == ["Your place is confirmed. See you at the visit!"]
    assert "Confirmed" in page.text


def send_the_survey(coordinator: Visitor, facts: dict) -> None:
    """After the visit, the coordinator places its surveys and sends the end-of-visit one."""
    surveys = f"/en/programmes/{facts['programme']}/visits/{facts['visit']}/surveys/"
    page = coordinator.press(coordinator.get(surveys), "Prepare the surveys")
    assert page.messages == ["The surveys follow the agenda as it is now."]
    page = coordinator.get(page.link("Send now End of the visit"))
    assert page.heading == "Send the survey now?"
    page = coordinator.press(page, "Send it now")
    assert page.messages == ["The survey is being sent; the rates follow below."]


def give_feedback(applicant: Visitor, staff: Visitor, cluster) -> None:
    """The participant follows the link mailed to them and answers."""
    title, session = cluster.facts["visit_title"], cluster.facts["session"]
    invitation = mail(staff, APPLICANT[1], f"Your feedback on “{title}”: End of the visit")
    page = applicant.get(mailed_link(invitation, "/surveys/"))
    assert "Nobody, not even the organisers, can see who gave these answers." in page.text
    page = applicant.press(
        page,
        "Send my answers",
        fields={
            "Overall, how satisfied are you with the visit? > 4": True,
            "Would you recommend such a visit to a colleague? > Yes": True,
            f"{session} > 5": True,
            "Before the visit > 2": True,
            "After the visit > 4": True,
            "What will you apply in your city?": "Walks led by residents.",
        },
    )
    assert page.heading == "Thank you, your answers are in", page.errors


def failed_sign_ins_count_on_every_server(cluster) -> None:
    """allauth's limit (five failures for one address in five minutes) holds whichever app
    server each attempt reaches: the counts are in the shared cache."""
    forgetful = cluster.facts["people"]["forgetful"]
    person = cluster.visitor()
    start = len(cluster.answers)
    page = person.get("/en/accounts/login/")
    for _attempt in range(5):  # each sent from the page the last one answered
        page = person.press(
            page, "Sign In", fields={"Email": forgetful, "Password": "not my password"}
        )
        assert "The email address and/or password you specified are not correct." in page.errors
    failures = [answer for answer in cluster.answers[start:] if answer.method == "POST"]
    assert {answer.server for answer in failures} == {"app1", "app2"}
    page = person.press(
        page, "Sign In", fields={"Email": forgetful, "Password": cluster.facts["password"]}
    )
    assert "Too many failed login attempts. Try again later." in page.errors
    assert page.heading == "Sign In"


# One test: xdist gives it to one worker, which starts one cluster. (Several tests would be
# shared out between workers, each starting its own in turn: `xdist_group` does not hold with
# pytest 9, whose node ids xdist 3.8 no longer changes.)
def test_the_main_journeys_through_the_balancer(cluster):
    """Apply, review, select, publish, confirm, feedback, then the sign-in limit; every
    request answered by the other app server than the one before."""
    call, people = cluster.facts["call"], cluster.facts["people"]
    applicant = sign_up_and_apply(cluster)
    staff = cluster.signed_in(people["staff"])
    copy = mail(staff, APPLICANT[1], f"Your application to “{CALL_TITLE}” is received")
    assert "Empty industrial mills." in copy  # the worker mailed what was sent
    coordinator = cluster.signed_in(people["coordinator"])
    close_and_assign_reviewers(coordinator, call)
    review(cluster, staff)
    select_and_publish(coordinator, call)
    confirm(applicant, staff, cluster.facts["visit_title"])
    cluster.scenario("visit_held")  # the clock: the visit took place yesterday
    send_the_survey(coordinator, cluster.facts)
    give_feedback(applicant, staff, cluster)
    # Every form was accepted (its CSRF token and the person's session held on the other
    # server than the one that gave the form) and redirected to a page showing its message.
    posts = [answer for answer in cluster.answers if answer.method == "POST"]
    assert posts and all(answer.status == 302 for answer in posts), posts

    failed_sign_ins_count_on_every_server(cluster)
    assert_alternating(cluster.answers)
