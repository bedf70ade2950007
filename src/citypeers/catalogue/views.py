from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from citypeers.catalogue import services
from citypeers.catalogue.forms import PracticeForm, ReviewForm
from citypeers.catalogue.models import Practice
from citypeers.catalogue.selectors import (
    practice_for_page,
    practice_links,
    practices_of,
    practices_similar,
    practices_to_review,
)
from citypeers.core.errors import PracticeError
from citypeers.core.http import add_error_to_form, paginate, permission_required
from citypeers.core.page_cache import public_page

# Lazy: made in the reviewer's language when shown, not in whichever was active at import.
REVIEW_ACTIONS = {
    "publish": (services.practice_publish, gettext_lazy("The practice is published.")),
    "changes": (
        services.practice_request_changes,
        gettext_lazy("The author has been asked for changes."),
    ),
    "decline": (services.practice_decline, gettext_lazy("The practice has been declined.")),
}


def _practice(*, slug: str, **_kwargs) -> Practice:
    try:
        return practice_for_page(slug=slug)
    except Practice.DoesNotExist:
        raise Http404 from None


@public_page
def practice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    practice = _practice(slug=slug)
    if not request.user.has_perm("catalogue.view_practice", practice):
        raise Http404  # unpublished practices do not exist for the public
    context = {
        "practice": practice,
        "similar": practices_similar(practice=practice),
        "links": practice_links(practice),
        "can_edit": request.user.has_perm("catalogue.change_practice", practice),
        "can_review": request.user.has_perm("catalogue.review_practice", practice),
    }
    return render(request, "catalogue/detail.html", context)


@permission_required("catalogue.add_practice")
def practice_create(request: HttpRequest) -> HttpResponse:
    form = PracticeForm(request.POST or None, request.FILES or None, author=request.user)
    if request.method == "POST" and form.is_valid():
        practice = services.practice_create(
            by=request.user,
            data=form.model_data(),
            places=form.cleaned_data["places"],
            themes=form.cleaned_data["themes"],
            organisations=form.cleaned_data["organisations"],
        )
        messages.success(request, _("Draft saved. Submit it for review when it is ready."))
        return redirect(practice)
    return render(request, "catalogue/form.html", {"form": form})


@permission_required("catalogue.change_practice", _practice)
def practice_edit(request: HttpRequest, slug: str, obj: Practice) -> HttpResponse:
    form = PracticeForm(
        request.POST or None, request.FILES or None, instance=Practice.objects.get(pk=obj.pk)
    )
    if request.method == "POST" and form.is_valid():
        services.practice_update(
            practice=obj,
            by=request.user,
            data=form.model_data(),
            places=form.cleaned_data["places"],
            themes=form.cleaned_data["themes"],
            organisations=form.cleaned_data["organisations"],
        )
        messages.success(request, _("Your changes are saved."))
        return redirect(obj)
    return render(request, "catalogue/form.html", {"form": form, "practice": obj})


@require_POST
@permission_required("catalogue.change_practice", _practice)
def practice_submit(request: HttpRequest, slug: str, obj: Practice) -> HttpResponse:
    try:
        services.practice_submit(practice=obj, by=request.user)
    except PracticeError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Submitted. The coordinators will review it."))
    return redirect(obj)


@permission_required("catalogue.review_practice", _practice)
def practice_review(request: HttpRequest, slug: str, obj: Practice) -> HttpResponse:
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        service, done = REVIEW_ACTIONS[form.cleaned_data["action"]]
        try:
            service(practice=obj, by=request.user, comment=form.cleaned_data["comment"])
        except PracticeError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, done)
            return redirect("catalogue:review_queue")
    return render(request, "catalogue/review.html", {"practice": obj, "form": form})


@permission_required("catalogue.review_practice", _practice)
def practice_history(request: HttpRequest, slug: str, obj: Practice) -> HttpResponse:
    records = list(obj.history.select_related("history_user").order_by("-history_date")[:50])
    changes = [
        (record, record.diff_against(previous).changes if previous else [])
        for record, previous in zip(records, [*records[1:], None], strict=True)
    ]
    return render(request, "catalogue/history.html", {"practice": obj, "changes": changes})


@login_required
def my_practices(request: HttpRequest) -> HttpResponse:
    page = paginate(request, practices_of(user=request.user))
    return render(request, "catalogue/mine.html", {"page": page})


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    page = paginate(request, practices_to_review(user=request.user))
    return render(request, "catalogue/review_queue.html", {"page": page})
