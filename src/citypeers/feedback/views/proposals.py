"""Coordinators turn visits' lessons into proposed changes to a format, and decide them."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from citypeers.core.errors import FeedbackError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.feedback.forms.lessons import DecisionForm, ProposalForm
from citypeers.feedback.models import MethodologyProposal
from citypeers.feedback.selectors.proposals import (
    formats_with_lessons,
    lessons_for_proposal,
    proposal_with_lessons,
    proposals_listed,
)
from citypeers.feedback.services.lessons import proposal_adopt, proposal_create, proposal_decline
from citypeers.methodology.models import ActivityFormat


@permission_required("methodology.change_methodology")
def proposal_list(request: HttpRequest) -> HttpResponse:
    context = {"proposals": proposals_listed(), "formats": formats_with_lessons()}
    return render(request, "feedback/proposal_list.html", context)


@permission_required("methodology.change_methodology")
def proposal_new(request: HttpRequest) -> HttpResponse:
    """`?format=<slug>`: a proposal from that format's lessons; without it, pick the format."""
    slug = request.GET.get("format")
    if not slug:
        return render(request, "feedback/proposal_pick.html", {"formats": formats_with_lessons()})
    activity = get_object_or_404(ActivityFormat, slug=slug)
    data = request.POST if request.method == "POST" else None
    form = ProposalForm(data, lessons=lessons_for_proposal(activity))
    if data is not None and form.is_valid():
        try:
            proposal = proposal_create(activity=activity, by=request.user, **form.cleaned_data)
        except FeedbackError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("The proposal is made."))
            return redirect("feedback:proposal", pk=proposal.pk)
    return render(request, "feedback/proposal_form.html", {"form": form, "format": activity})


@permission_required("methodology.change_methodology")
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        proposal = proposal_with_lessons(pk)
    except MethodologyProposal.DoesNotExist:
        raise Http404 from None
    undecided = proposal.status == MethodologyProposal.Status.PROPOSED
    form = DecisionForm(request.POST if request.method == "POST" and undecided else None)
    if form.is_bound and form.is_valid():
        decide = proposal_adopt if form.cleaned_data["decision"] == form.ADOPT else proposal_decline
        try:
            decide(proposal=proposal, note=form.cleaned_data["note"], by=request.user)
        except FeedbackError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("The decision is saved."))
            return redirect("feedback:proposal", pk=proposal.pk)
    context = {"proposal": proposal, "form": form if undecided else None}
    return render(request, "feedback/proposal_detail.html", context)
