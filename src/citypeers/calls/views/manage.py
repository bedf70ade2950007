"""Coordinators' pages: create and edit a call, its questions, a preview, a copy, opening it."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.calls.forms.applications import ApplicationForm
from citypeers.calls.forms.calls import CallForm, QuestionFormSet
from citypeers.calls.models import Call
from citypeers.calls.selectors.calls import call_by_slug
from citypeers.calls.services.calls import call_copy, call_publish, call_save, questions_save
from citypeers.core.errors import CallError
from citypeers.core.http import add_error_to_form, permission_required

MODEL_FIELDS = [name for name in CallForm.Meta.fields if name != "visits"]


def _save_call_page(request: HttpRequest, call: Call) -> HttpResponse:
    form = CallForm(request.POST or None, instance=call, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in MODEL_FIELDS}
        data |= {
            "opens_at": form.cleaned_data["opens_at"],
            "closes_at": form.cleaned_data["closes_at"],
        }
        try:
            saved = call_save(
                call=call, by=request.user, data=data, visits=form.cleaned_data["visits"]
            )
        except CallError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("The call is saved."))
            return redirect("calls:questions", slug=saved.slug)
    return render(request, "calls/call_form.html", {"form": form, "call": call})


@permission_required("calls.add_call")
def call_create(request: HttpRequest) -> HttpResponse:
    return _save_call_page(request, Call(type=Call.Type.PARTICIPANTS))


@permission_required("calls.manage_call", call_by_slug)
def call_edit(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    # A fresh copy for the form, so a refused edit leaves `obj` as stored.
    return _save_call_page(request, Call.objects.get(pk=obj.pk))


@permission_required("calls.manage_call", call_by_slug)
def questions(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    formset = QuestionFormSet(
        request.POST or None, queryset=obj.questions.all(), prefix="questions"
    )
    if request.method == "POST" and formset.is_valid():
        kept = [form for form in formset.ordered_forms if form.has_changed() or form.instance.pk]
        rows = [
            form.cleaned_data | {"instance": form.instance if form.instance.pk else None}
            for form in kept
            if form.cleaned_data
        ]
        deleted = [form.instance for form in formset.deleted_forms if form.instance.pk]
        questions_save(call=obj, by=request.user, rows=rows, deleted=deleted)
        messages.success(request, _("The questions are saved."))
        return redirect("calls:questions", slug=obj.slug)
    return render(request, "calls/questions.html", {"call": obj, "formset": formset})


@permission_required("calls.manage_call", call_by_slug)
def preview(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    """The form as applicants will see it; nothing can be sent from here."""
    form = ApplicationForm(call=obj, submitting=True)
    return render(request, "calls/preview.html", {"call": obj, "form": form})


@require_POST
@permission_required("calls.manage_call", call_by_slug)
def copy(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    new = call_copy(call=obj, by=request.user)
    messages.success(
        request, _("This copy is a draft: set its title and dates, save, then open it.")
    )
    return redirect("calls:edit", slug=new.slug)


@require_POST
@permission_required("calls.manage_call", call_by_slug)
def publish(request: HttpRequest, slug: str, obj: Call) -> HttpResponse:
    """Opens a draft to the public (from its opening time, to applications)."""
    try:
        call_publish(call=obj, by=request.user)
    except CallError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The call is public."))
    return redirect(obj.get_absolute_url())
