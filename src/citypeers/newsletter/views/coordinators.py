"""A programme's newsletter for its coordinators: subscribers, issues, composing, preview,
sending (after a confirmation naming how many will receive it) and the sent log."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from citypeers.core.http import (
    add_error_to_form,
    export_recorded,
    export_response,
    permission_required,
)
from citypeers.newsletter.enums import ItemKind
from citypeers.newsletter.errors import NewsletterError
from citypeers.newsletter.forms import KIND_HEADINGS, IssueForm, candidate_key
from citypeers.newsletter.models import Issue
from citypeers.newsletter.selectors import (
    audience_count,
    confirmed_addresses,
    delivery_counts,
    issue_items,
    issue_of,
    issues_of,
    news_candidates,
    report_candidates,
    subscriber_counts,
    visit_candidates,
)
from citypeers.newsletter.services.issues import issue_save, issue_send
from citypeers.newsletter.texts import candidates, issue_preview, issue_title
from citypeers.programmes.models import Programme

MANAGE = "newsletter.manage"


def programme_in_address(*, programme: str, **_kwargs) -> Programme:
    return get_object_or_404(Programme, slug=programme)


def _issue(obj: Programme, pk: int) -> Issue:
    issue = issue_of(obj, pk)
    if issue is None:
        raise Http404(_("No such issue in this programme's newsletter."))
    return issue


@permission_required(MANAGE, programme_in_address)
def newsletter_home(request: HttpRequest, programme: str, obj: Programme) -> HttpResponse:
    if request.GET.get("export") == "csv":
        rows = [(e, ", ".join(langs), when) for e, langs, when in confirmed_addresses(obj)]
        export_recorded(request, obj, what="newsletter_subscribers", rows=len(rows))
        return export_response(
            headers=[_("E-mail address"), _("Languages"), _("Confirmed")],
            rows=rows,
            filename=f"{obj.slug}-newsletter-subscribers",
            export_format="csv",
        )
    issues = [(issue, issue_title(issue)) for issue in issues_of(obj)]
    context = {"programme": obj, "counts": subscriber_counts(obj), "issues": issues}
    return render(request, "newsletter/coordinators/home.html", context)


def _form(request: HttpRequest, obj: Programme, issue: Issue | None) -> IssueForm:
    now = timezone.now()
    news, visits = news_candidates(obj, now=now), visit_candidates(obj, now=now)
    listed = candidates(news, visits, report_candidates(obj, now=now))
    initial = {"language": translation.get_language()}
    if issue is not None:
        initial = {"language": issue.language}
        for text in issue.texts.all():
            initial[f"subject_{text.language}"] = text.subject
            initial[f"intro_{text.language}"] = text.intro
        for item in issue.items.all():
            target = item.news_id or item.visit_id or item.report_id
            initial[candidate_key(item.kind, target)] = item.position
    return IssueForm(request.POST or None, candidates=listed, initial=initial)


def _compose(request: HttpRequest, obj: Programme, issue: Issue | None) -> HttpResponse:
    form = _form(request, obj, issue)
    if request.method == "POST" and form.is_valid():
        try:
            saved = issue_save(
                programme=obj,
                issue=issue,
                texts=form.texts(),
                language=form.cleaned_data["language"],
                items=form.chosen_items(),
                by=request.user,
            )
        except NewsletterError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("The issue is saved. Check the preview before sending."))
            return redirect("newsletter:issue_preview", obj.slug, saved.pk)
    groups = [(KIND_HEADINGS[kind], form.candidate_fields(kind)) for kind in ItemKind.values]
    context = {"programme": obj, "issue": issue, "form": form, "groups": groups}
    return render(request, "newsletter/coordinators/compose.html", context)


@permission_required(MANAGE, programme_in_address)
def issue_new(request: HttpRequest, programme: str, obj: Programme) -> HttpResponse:
    return _compose(request, obj, None)


@permission_required(MANAGE, programme_in_address)
def issue_edit(request: HttpRequest, programme: str, pk: int, obj: Programme) -> HttpResponse:
    issue = _issue(obj, pk)
    if issue.sent_at is not None:
        messages.error(request, _("This issue is sent: it cannot be changed any more."))
        return redirect("newsletter:issue_log", obj.slug, issue.pk)
    return _compose(request, obj, issue)


@permission_required(MANAGE, programme_in_address)
def issue_preview_page(
    request: HttpRequest, programme: str, pk: int, obj: Programme
) -> HttpResponse:
    issue = _issue(obj, pk)
    codes = dict(settings.LANGUAGES)
    language = request.GET.get("language")
    language = language if language in codes else issue.language
    context = {
        "programme": obj,
        "issue": issue,
        "title": issue_title(issue),
        "preview": issue_preview(issue, issue_items(issue), language=language),
        "language": language,
        "languages": settings.LANGUAGES,
    }
    return render(request, "newsletter/coordinators/preview.html", context)


@permission_required(MANAGE, programme_in_address)
def issue_send_page(request: HttpRequest, programme: str, pk: int, obj: Programme) -> HttpResponse:
    issue = _issue(obj, pk)
    error = None
    if request.method == "POST":
        try:
            issue_send(issue=issue, by=request.user)
        except NewsletterError as refused:
            error = refused.message
        else:
            messages.success(request, _("The issue is on its way."))
            return redirect("newsletter:issue_log", obj.slug, issue.pk)
    context = {
        "programme": obj,
        "issue": issue,
        "title": issue_title(issue),
        "audience": audience_count(issue),
        "error": error,
    }
    return render(request, "newsletter/coordinators/send.html", context)


@permission_required(MANAGE, programme_in_address)
def issue_log(request: HttpRequest, programme: str, pk: int, obj: Programme) -> HttpResponse:
    issue = _issue(obj, pk)
    context = {
        "programme": obj,
        "issue": issue,
        "title": issue_title(issue),
        "counts": delivery_counts(issue),
    }
    if request.headers.get("HX-Request"):
        return render(request, "newsletter/coordinators/_log_counts.html", context)
    return render(request, "newsletter/coordinators/log.html", context)
