"""Every page is valid HTML according to the W3C Nu checker (npm's vnu-jar)."""

import datetime

import pytest
from django.urls import reverse

from citypeers.calls.models import Criterion, Question, ReviewAssignment
from citypeers.calls.services.decisions import decisions_publish
from citypeers.calls.services.review import reviewers_assign
from citypeers.calls.services.selection import selection_execute, selection_start
from citypeers.core.audit import log_action
from citypeers.core.models import OutboxMessage
from citypeers.methodology.services.loader import load_methodology
from citypeers.programmes.models import Membership, Role, Visit
from citypeers.visits.selectors.attendance import check_in_signature
from citypeers.visits.selectors.pages import planner_query
from tests.calls.helpers import close
from tests.factories import (
    CallFactory,
    MembershipFactory,
    OrganisationFactory,
    PlaceFactory,
    PracticeFactory,
    PublishedPracticeFactory,
    ThemeFactory,
    UserFactory,
    VisitFactory,
    sent_application,
)
from tests.feedback.impact_scene import impact_scene
from tests.html_checker import html_errors, require_checker
from tests.visits.groups_scene import groups_people as groups_scene_people


@pytest.fixture
def pages(client, programme, visit, coordinator, staff) -> dict[str, str]:
    """Rendered HTML of every kind of page, as each kind of person sees it."""
    place = PlaceFactory(name="Šibenik", country="HR", population=31_115, latitude=43.7)
    published = PublishedPracticeFactory(
        title="Fortress of Culture", places=[place], themes=[ThemeFactory()], links="https://x.org"
    )
    submitted = PracticeFactory(programme=programme, status="submitted", title="In review")
    member = Membership.objects.get(user=coordinator)
    message = OutboxMessage.objects.create(
        from_email="noreply@example.org", to="a@example.org", subject="Hi", body="https://x.org/"
    )
    public = {
        "home-en": reverse("core:home"),
        "programmes": reverse("programmes:list"),
        "programme": reverse("programmes:detail", args=[programme.slug]),
        "places": reverse("places:list"),
        "privacy": reverse("people:privacy"),
        "places-empty": reverse("places:list") + "?q=Atlantis",
        "place": reverse("places:detail", args=[place.pk]),
        "login": reverse("account_login"),
        "signup": reverse("account_signup"),
        "password-reset": reverse("account_reset_password"),
        "not-found": "/en/no-such-page/",
        "library": reverse("library:search") + "?q=fortress&country=HR",
        "library-empty": reverse("library:search") + "?q=zeppelin",
        "practice": published.get_absolute_url(),
    }
    html = {name: client.get(url).content.decode() for name, url in public.items()}
    with_errors = {
        "login-error": (reverse("account_login"), {"login": "a@example.org"}),
        "signup-error": (reverse("account_signup"), {"email": "not-an-email"}),
    }
    for name, (url, data) in with_errors.items():
        html[name] = client.post(url, data).content.decode()
    client.force_login(coordinator)
    signed_in = {
        "dashboard": reverse("programmes:dashboard"),
        "profile": reverse("people:profile"),
        "members": reverse("programmes:members", args=[programme.slug]),
        "member-remove": reverse("programmes:member_remove", args=[programme.slug, member.pk]),
        "place-create": reverse("places:create"),
        "password-change": reverse("account_change_password"),
        "email": reverse("account_email"),
        "forbidden": reverse("core:outbox"),
        "practice-form": reverse("catalogue:create"),
        "practice-review": reverse("catalogue:review", args=[submitted.slug]),
        "practice-history": reverse("catalogue:history", args=[submitted.slug]),
        "review-queue": reverse("catalogue:review_queue"),
        "my-practices": reverse("catalogue:mine"),
        "practice-in-review": submitted.get_absolute_url(),
        "themes": reverse("programmes:themes"),
        "theme-edit": reverse("programmes:theme_edit", args=[published.themes.first().slug]),
    }
    html |= {name: client.get(url).content.decode() for name, url in signed_in.items()}
    html["members-error"] = client.post(
        signed_in["members"], {"email": "nobody@example.org", "role": "host"}
    ).content.decode()
    audit = reverse("programmes:audit", args=[programme.slug])
    html["audit-empty"] = client.get(audit).content.decode()
    log_action(programme, "call.published", by=coordinator, changes={"title": "Call <1>"})
    html["audit"] = client.get(audit).content.decode()
    html["audit-error"] = client.get(audit + "?since=2026-03-05&until=2026-03-01").content.decode()
    html["profile-error"] = client.post(
        signed_in["profile"], {"display_name": "", "time_zone": "Nowhere/Zone"}
    ).content.decode()
    html["practice-form-error"] = client.post(
        signed_in["practice-form"], {"title": "x", "places": "Nowhere", "links": "bad"}
    ).content.decode()
    client.force_login(staff)
    html |= _affiliation_pages(client, staff)
    html["outbox"] = client.get(reverse("core:outbox")).content.decode()
    html["outbox-message"] = client.get(
        reverse("core:outbox_message", args=[message.pk])
    ).content.decode()
    html["home-fr"] = client.get("/fr/").content.decode()
    html |= _methodology_pages(client, programme, coordinator)
    html |= _host_call_pages(client, programme, coordinator)
    html |= _impact_pages(client)
    return html


def _impact_pages(client) -> dict[str, str]:
    """A programme's and a visit's impact pages, with plans, quotes and survey figures."""
    impact_programme, visits = impact_scene(people=4, visits=1)
    urls = {
        "impact-programme": reverse("feedback:programme_impact", args=[impact_programme.slug]),
        "impact-visit": reverse(
            "feedback:visit_impact", args=[impact_programme.slug, visits[0].slug]
        ),
    }
    return {name: client.get(url).content.decode() for name, url in urls.items()}


def _affiliation_pages(client, staff) -> dict[str, str]:
    """A request waiting (on my page, the requests page, the decision page) and its profile."""
    from citypeers.people.services import affiliation_request

    person = UserFactory()
    affiliation = affiliation_request(user=person, organisation=OrganisationFactory(), by=person)
    decide = reverse("people:affiliation_decide", args=[affiliation.pk])
    pages = {
        "affiliations": client.get(reverse("people:affiliations")),
        "affiliations-dashboard": client.get(reverse("programmes:dashboard")),
        "affiliation-decide": client.get(decide),
        "affiliation-decide-error": client.post(decide, {"reason": "x"}),
    }
    client.force_login(person)
    pages["profile-affiliation-pending"] = client.get(reverse("people:profile"))
    client.force_login(staff)
    return {name: response.content.decode() for name, response in pages.items()}


def _host_call_pages(client, programme, coordinator) -> dict[str, str]:
    from tests.calls.helpers import proposal

    call = CallFactory(programme=programme, type="hosts", title="Call for hosts")
    place = PlaceFactory(name="Tampere", country="FI")
    person = UserFactory(organisation=OrganisationFactory(place=place))
    apply_url = reverse("calls:apply", args=[call.slug])
    client.force_login(person)
    pages = {"host-apply-without-practice": client.get(apply_url)}
    practice = PublishedPracticeFactory(willing_to_host=True, places=[place])
    practice.organisations.add(person.organisation)
    pages["host-apply"] = client.get(apply_url)
    pages["host-apply-error"] = client.post(apply_url, proposal(practice, proposed_until="x"))
    client.post(apply_url, proposal(practice))
    client.force_login(coordinator)
    pages["host-applications"] = client.get(reverse("calls:applications", args=[call.slug]))
    return {name: response.content.decode() for name, response in pages.items()}


def _review_pages(client, call, coordinator) -> dict[str, str]:
    Criterion.objects.create(call=call, name="Motivation", scale_max=5)
    reviewer = MembershipFactory(programme=call.programme, role="reviewer").user
    applicant = UserFactory()
    sent_application(call, applicant)
    call.reviewers_per_application = 1
    call.save()
    reviewers_assign(call=call, by=coordinator)
    assignment = ReviewAssignment.objects.get(reviewer=reviewer)
    pages = {
        "review-coordinator": client.get(reverse("calls:review", args=[call.slug])),
        "applications": client.get(reverse("calls:applications", args=[call.slug])),
    }
    run = selection_execute(selection_start(call=call, by=coordinator))  # no worker in tests
    pages["selection-result-open-call"] = client.get(reverse("calls:selection", args=[call.slug]))
    close(call)
    pages["selection-result"] = client.get(reverse("calls:selection", args=[call.slug]))
    client.force_login(reviewer)  # reviewers score from the close until the decisions
    score_url = reverse("calls:score", args=[call.slug, assignment.pk])
    pages["score"] = client.get(score_url)
    pages["score-error"] = client.post(score_url, {})
    application_url = reverse("calls:application", args=[call.slug, assignment.application_id])
    pages["application-reviewer"] = client.get(application_url)
    client.force_login(coordinator)
    publish_url = reverse("calls:selection_publish", args=[call.slug])
    pages["selection-publish-check"] = client.get(publish_url, {"run": run.number})
    messages_url = reverse("calls:selection_messages", args=[call.slug])
    pages["decision-emails"] = client.get(messages_url)
    pages["decision-emails-error"] = client.post(messages_url, {"selected": "{nope}"})
    decisions_publish(run=run, by=coordinator)
    pages["selection-published"] = client.get(reverse("calls:selection", args=[call.slug]))
    second = selection_execute(selection_start(call=call, by=coordinator))
    selection_url = reverse("calls:selection", args=[call.slug])
    compare = f"{run.number},{second.number}"
    pages["selection-comparison"] = client.get(selection_url, {"compare": compare})  # nobody moved
    pages["selection-comparison-error"] = client.get(selection_url, {"compare": "foo"})
    client.force_login(applicant)
    pages["my-applications-selected"] = client.get(reverse("calls:mine"))
    client.force_login(reviewer)
    pages["review-reviewer"] = client.get(reverse("calls:review", args=[call.slug]))
    pages["score-read-only"] = client.get(score_url)  # the decisions are published
    client.force_login(coordinator)
    pages["application-coordinator"] = client.get(application_url)  # reviews, outcome, history
    return {name: response.content.decode() for name, response in pages.items()}


def _methodology_pages(client, programme, coordinator) -> dict[str, str]:
    load_methodology()
    PlaceFactory(name="Tampere", country="FI")
    plan = (
        "?mode=online&start=2027-03-25&days=5&participants=60&host_tz=Europe/Brussels"
        "&countries=PT,FI&time=09:00&minutes=150"
    )
    client.force_login(coordinator)
    visit = {"programme": programme.pk, "title": "Walks", "host_place": "Tampere (FI)"}
    created = client.post(reverse("visits:create_from_plan") + plan, visit)
    workspace = created["Location"]
    unplanned = VisitFactory(
        programme=programme,
        title="Kortrijk: giants",
        starts_on=datetime.date(2027, 4, 5),
        ends_on=datetime.date(2027, 4, 8),
    )
    VisitFactory(programme=programme, starts_on=datetime.date(2021, 3, 22))  # a past one
    unplanned_url = reverse("visits:workspace", args=[programme.slug, unplanned.slug])
    urls = {
        "guide": reverse("methodology:guide"),
        "formats": reverse("methodology:formats") + "?mode=online&group_size=24",
        "formats-error": reverse("methodology:formats") + "?group_size=lots",
        "formats-empty": reverse("methodology:formats") + "?group_size=900",
        "format": reverse("methodology:format", args=["world-cafe"]),
        "format-fr": "/fr/methodology/formats/walkshop/",
        "format-with-worksheets": reverse("methodology:format", args=["action-planning"]),
        "worksheets": reverse("methodology:worksheets"),
        "worksheets-fr": "/fr/methodology/worksheets/",
        "template": reverse("methodology:template", args=["online"]),
        "template-changes": reverse("methodology:template_changes", args=["onsite"]),
        "planner": reverse("planner:plan"),
        "planner-warnings": reverse("planner:plan") + plan,
        "planner-errors": reverse("planner:plan") + "?start=soon&days=40&host_tz=CET&countries=X",
        "format-edit": reverse("methodology:format_edit", args=["world-cafe"]),
        "format-create": reverse("methodology:format_create"),
        "template-edit": reverse("methodology:template_edit", args=["hybrid"]),
        "template-edit-de": reverse("methodology:template_edit", args=["hybrid"]) + "?language=de",
        "visit-from-plan": reverse("visits:create_from_plan") + plan,
        "workspace": workspace,
        "visit": workspace.replace("workspace/", ""),
        "visits-dashboard": reverse("visits:dashboard"),
        "workspace-without-plan": unplanned_url,
        "planner-for-a-visit": f"{reverse('planner:plan')}?{planner_query(unplanned)}",
        "apply-plan": unplanned_url.replace("workspace/", "plan/") + "?" + planner_query(unplanned),
    }
    agenda = workspace.replace("workspace/", "agenda/edit/")
    session = Visit.objects.get(title="Walks").sessions.first()
    urls |= {
        "agenda": agenda,
        "agenda-daily-time": f"{agenda}daily-time/",
        "agenda-daily-time-confirm": f"{agenda}daily-time/?time=10:00",
        "agenda-session": f"{agenda}{session.pk}/",
        "agenda-session-add": f"{agenda}day/1/add/",
        "agenda-session-delete": f"{agenda}{session.pk}/delete/",
        "agenda-print": workspace.replace("workspace/", "agenda/print/"),
        "programme-rooms": reverse("programmes:rooms", args=[programme.slug]),
    }
    html = {name: client.get(url).content.decode() for name, url in urls.items()}
    html["agenda-session-error"] = client.post(
        urls["agenda-session"], {"starts": "x", "minutes": "900"}
    ).content.decode()
    html["format-edit-error"] = client.post(urls["format-edit"], {"name": ""}).content.decode()
    html["programme-rooms-error"] = client.post(
        urls["programme-rooms"], {"provider": "url_template", "url_template": "http://x"}
    ).content.decode()
    tokens = reverse("api_tokens:list", args=[programme.slug])
    html["api-token-new"] = client.post(tokens, {"name": "Site"}).content.decode()
    html["api-tokens"] = client.get(tokens).content.decode()
    html["api-tokens-error"] = client.post(tokens, {"expires_on": "x"}).content.decode()
    assert 'id="new-token"' in html["api-token-new"]
    token = programme.api_tokens.get()
    html["api-token-revoke"] = client.get(
        reverse("api_tokens:revoke", args=[programme.slug, token.pk])
    ).content.decode()
    html["my-calendar-none"] = client.get(reverse("visits:calendar")).content.decode()
    html["calendar-stop-none"] = client.get(reverse("visits:calendar_stop")).content.decode()
    client.post(reverse("visits:calendar_renew"))
    html["my-calendar"] = client.get(reverse("visits:calendar")).content.decode()
    html["calendar-renew"] = client.get(reverse("visits:calendar_renew")).content.decode()
    html["calendar-stop"] = client.get(reverse("visits:calendar_stop")).content.decode()
    call = CallFactory(programme=programme, visits=[Visit.objects.get(title="Walks")])
    Question.objects.create(call=call, kind="single_choice", label="Size?", choices=["S", "M"])
    Question.objects.create(call=call, kind="file", label="CV")
    html |= {
        "calls": client.get(reverse("calls:list")).content.decode(),
        "call": client.get(call.get_absolute_url()).content.decode(),
        "apply": client.get(reverse("calls:apply", args=[call.slug])).content.decode(),
        "apply-error": client.post(
            reverse("calls:apply", args=[call.slug]), {"action": "submit"}
        ).content.decode(),
        "my-applications": client.get(reverse("calls:mine")).content.decode(),
        "call-new": client.get(reverse("calls:create")).content.decode(),
        "call-new-error": client.post(reverse("calls:create"), {"title": ""}).content.decode(),
        "call-questions": client.get(reverse("calls:questions", args=[call.slug])).content.decode(),
        "call-preview": client.get(reverse("calls:preview", args=[call.slug])).content.decode(),
        "call-rubric": client.get(reverse("calls:rubric", args=[call.slug])).content.decode(),
    }
    html |= _review_pages(client, call, coordinator)
    html["template-edit-error"] = client.post(
        urls["template-edit"], {"min_days": "x"}
    ).content.decode()
    html |= _roster_pages(client, call, workspace, coordinator)
    html |= _groups_pages(client, session, coordinator)
    html |= _recommendation_pages(client, workspace, coordinator)
    html |= _resource_pages(client, session, coordinator)
    html |= _report_pages(client, workspace, coordinator)
    return html


def _resource_pages(client, session, coordinator) -> dict[str, str]:
    """A session's resources: none, a bad link's error, one listed with its licence, its
    removal asked; the agenda editor and the visit's page showing it."""
    visit = session.visit
    url = reverse("visits:session_resources", args=[visit.programme.slug, visit.slug, session.pk])
    client.force_login(coordinator)
    pages = {"resources-none": client.get(url)}
    data = {"title": "Slides", "url": "ftp://x", "licence": "cc-by-4.0", "visibility": "public"}
    pages["resources-error"] = client.post(url, data)
    client.post(url, data | {"url": "https://example.org/slides"})
    pages["resources"] = client.get(url)
    item = session.resource_items.get()
    pages["resource-remove"] = client.get(f"{url}{item.pk}/remove/")
    slugs = [visit.programme.slug, visit.slug]
    pages["agenda-with-resources"] = client.get(reverse("visits:agenda", args=slugs))
    pages["visit-with-resources"] = client.get(reverse("visits:visit", args=slugs))
    pages["print-with-resources"] = client.get(reverse("visits:agenda_print", args=slugs))
    return {name: response.content.decode() for name, response in pages.items()}


def _report_pages(client, workspace, coordinator) -> dict[str, str]:
    """The visit's report: none yet (the start form), the editor with an error and after a
    stale save, the draft's page, versions, diff and comments, and the published page."""
    url = workspace.replace("workspace/", "report/")
    client.force_login(coordinator)
    pages = {"report-none": client.get(url)}
    client.post(f"{url}start/", {"language": "en"})
    pages["report-edit"] = client.get(f"{url}edit/")
    sections = {"title": "Walks", "summary": "**Shops** reopened", "note": ""}
    pages["report-edit-error"] = client.post(f"{url}edit/", {**sections, "title": ""})
    client.post(f"{url}edit/", {**sections, "version": "1"})
    pages["report-edit-stale"] = client.post(f"{url}edit/", {**sections, "version": "1"})
    client.post(f"{url}step/", {"step": "check"})
    client.post(f"{url}comments/", {"section_key": "summary", "body": "Since 1998"})
    pages |= {
        "report-draft": client.get(url),
        "report-versions": client.get(f"{url}versions/"),
        "report-diff": client.get(f"{url}versions/1/diff/2/"),
        "report-comments": client.get(f"{url}comments/"),
    }
    client.post(f"{url}step/", {"step": "final"})
    client.post(f"{url}step/", {"step": "publish"})
    client.logout()
    pages["report-published"] = client.get(url)
    pages["library-with-reports"] = client.get(reverse("library:search"), {"q": "shops"})
    client.force_login(coordinator)
    return {name: response.content.decode() for name, response in pages.items()}


def _recommendation_pages(client, workspace, coordinator) -> dict[str, str]:
    """Recommendations for the host: the team's page (with an empty one's error), and the
    host's, with an answer form per recommendation and an answer's error."""
    url = workspace.replace("workspace/", "recommendations/")
    visit = Visit.objects.get(title="Walks")
    host = MembershipFactory(programme=visit.programme, visit=visit, role=Role.HOST).user
    client.force_login(coordinator)
    pages = {"recommendations-error": client.post(url, {"text": ""})}
    client.post(url, {"text": "Map the empty shops"})
    client.post(url, {"text": "Open a shop incubator"})
    pages["recommendations"] = client.get(url)
    client.force_login(host)
    pages["recommendations-host"] = client.get(url)
    first = visit.recommendations.first().pk
    pages["recommendations-answer-error"] = client.post(
        f"{url}{first}/answer/", {f"r{first}-status": "maybe"}
    )
    client.force_login(coordinator)
    return {name: response.content.decode() for name, response in pages.items()}


def _groups_pages(client, session, coordinator) -> dict[str, str]:
    """A session's breakout groups: none yet, made, a move previewed, a form's errors; and a
    participant's own group on the visit's page."""
    people = groups_scene_people(session.visit, participants=8, facilitators=1)
    visit = session.visit
    url = reverse("visits:groups", args=[visit.programme.slug, visit.slug, session.pk])
    client.force_login(coordinator)
    html = {"groups-none": client.get(url).content.decode()}
    html["groups-error"] = client.post(f"{url}generate/", {"generate-size": "9"}).content.decode()
    client.post(f"{url}generate/", {"generate-rounds": "2", "generate-size": "5"})
    html["groups"] = client.get(url).content.decode()
    move = {"move-person": people[0].pk, "move-round": "1", "move-group": "1", "preview": ""}
    html["groups-preview"] = client.post(f"{url}move/", move).content.decode()
    client.force_login(people[0])
    visit_url = reverse("visits:visit", args=[visit.programme.slug, visit.slug])
    html["visit-with-my-groups"] = client.get(visit_url).content.decode()
    client.force_login(coordinator)
    return html


def _roster_pages(client, call, workspace, coordinator) -> dict[str, str]:
    """The visit's people as its team and as a participant see them, the questionnaire, a
    session's check-in page and its attendance sheet."""
    roster, questionnaire = (
        workspace.replace("workspace/", f"{page}/") for page in ("people", "questionnaire")
    )
    participant = UserFactory(organisation=OrganisationFactory(), languages=["pt"])
    visit = call.visits.get()
    call = CallFactory(programme=visit.programme, visits=[visit])  # the other one is closed
    application = sent_application(call, participant, preferences=[visit])
    application.outcome, application.outcome_visit = "confirmed", visit
    application.save()
    client.force_login(participant)
    answer = {"expectations": "Ideas", "challenge": "Vacant shops", "access_needs": "Ramp"}
    client.post(questionnaire, {**answer, "shares_with_participants": "on"})
    pages = {
        "roster-participant": client.get(roster),
        "questionnaire-answered": client.get(questionnaire),
        "questionnaire-error": client.post(questionnaire, {"can_share": "x"}),
    }
    session = visit.sessions.first()
    args = [visit.programme.slug, visit.slug, session.pk]
    pages["check-in"] = client.get(
        reverse("visits:check_in", args=[*args, check_in_signature(session)])
    )
    client.force_login(coordinator)
    pages |= {"roster-team": client.get(roster), "questionnaire": client.get(questionnaire)}
    pages["attendance"] = client.get(reverse("visits:attendance", args=args))
    return {name: response.content.decode() for name, response in pages.items()}


@pytest.mark.django_db
def test_every_page_is_valid_html(pages, tmp_path):
    require_checker()
    for name, html in pages.items():
        (tmp_path / f"{name}.html").write_text(html)
    errors = html_errors(tmp_path)
    assert errors == [], "\n".join(errors)
    assert len(pages) >= 73
