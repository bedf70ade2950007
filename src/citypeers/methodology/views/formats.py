"""Activity formats: the filterable list, each format, and adding or editing one."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from citypeers.core.errors import MethodologyError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.methodology.enums import Mode
from citypeers.methodology.forms.formats import (
    FormatFilterForm,
    FormatForm,
    FormatStepFormSet,
    step_initial,
)
from citypeers.methodology.forms.formsets import kept
from citypeers.methodology.models import ActivityFormat
from citypeers.methodology.selectors.evidence import format_evidence
from citypeers.methodology.selectors.formats import (
    format_placement_texts,
    format_with_steps,
    formats_matching,
)
from citypeers.methodology.selectors.worksheets import worksheets_for_format
from citypeers.methodology.services.formats import format_save


def format_list(request: HttpRequest) -> HttpResponse:
    form = FormatFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    formats = formats_matching(**filters)
    return render(
        request,
        "methodology/format_list.html",
        {
            "form": form,
            "formats": formats,
            "filtered": bool(filters),
            "can_add": request.user.has_perm("methodology.change_methodology"),
        },
    )


def format_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        activity = format_with_steps(slug)
    except ActivityFormat.DoesNotExist:
        raise Http404 from None
    context = {
        "format": activity,
        "variants": [(label, activity.variant(mode)) for mode, label in Mode.choices],
        "worksheets": worksheets_for_format(activity.slug),
        "placement": format_placement_texts(activity),
        "evidence": format_evidence(activity),
        "can_edit": request.user.has_perm("methodology.change_methodology"),
    }
    return render(request, "methodology/format_detail.html", context)


@permission_required("methodology.change_methodology")
def format_create(request: HttpRequest) -> HttpResponse:
    return _format_form_page(request, ActivityFormat(stage="exchange", modes=list(Mode.values)))


@permission_required("methodology.change_methodology")
def format_edit(request: HttpRequest, slug: str) -> HttpResponse:
    return _format_form_page(request, get_object_or_404(ActivityFormat, slug=slug))


def _format_form_page(request: HttpRequest, activity: ActivityFormat) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form = FormatForm(data, instance=activity)
    steps = FormatStepFormSet(data, prefix="steps", initial=step_initial(activity))
    if request.method == "POST" and form.is_valid() and steps.is_valid():
        try:
            format_save(
                activity=activity,
                by=request.user,
                figures={name: form.cleaned_data[name] for name in FormatForm.Meta.fields},
                texts=form.texts(),
                steps=kept(steps),
            )
        except MethodologyError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("The format is saved."))
            return redirect(activity.get_absolute_url())
    context = {"form": form, "steps": steps, "format": activity}
    return render(request, "methodology/format_form.html", context)
