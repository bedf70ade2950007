"""Answering a survey from one's personal link, signed in or not."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from citypeers.core.errors import FeedbackError
from citypeers.core.http import add_error_to_form
from citypeers.feedback.forms.answering import AnswerForm
from citypeers.feedback.selectors.answering import (
    invitation_from_token,
    link_state,
    questions_of,
    sessions_to_rate,
)
from citypeers.feedback.services.answering import response_submit


def _done_page(request: HttpRequest, invitation, state) -> HttpResponse | None:
    """The thanks once answered, or the closed page; None while the form is open."""
    context = {"survey": invitation.survey, "visit": invitation.survey.visit}
    if state.answered:
        return render(request, "feedback/answer_thanks.html", context)
    if state.closed:
        return render(request, "feedback/answer_closed.html", context)
    return None


@never_cache
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """The link is the key: its own person, signed in or not, answers once while it is open."""
    invitation = invitation_from_token(token)
    if invitation is None:
        raise Http404
    if request.user.is_authenticated and request.user.pk != invitation.person_id:
        return render(request, "feedback/answer_refused.html", status=403)
    if done := _done_page(request, invitation, link_state(invitation)):
        return done
    survey = invitation.survey
    form = AnswerForm(
        request.POST if request.method == "POST" else None,
        questions=questions_of(survey),
        sessions=list(sessions_to_rate(survey).select_related("visit")),
    )
    if request.method == "POST" and form.is_valid():
        try:
            response_submit(invitation=invitation, answers=form.answers())
        except FeedbackError as error:
            invitation.refresh_from_db()
            if done := _done_page(request, invitation, link_state(invitation)):
                return done
            add_error_to_form(form, error)
        else:
            return redirect("feedback:answer", token=token)
    context = {"survey": survey, "visit": survey.visit, "form": form}
    return render(request, "feedback/answer.html", context)
