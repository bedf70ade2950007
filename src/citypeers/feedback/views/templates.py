"""A programme's survey templates: which one each moment uses, customising the house's, editing
questions (every save a new version) and the versions kept."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.core.errors import FeedbackError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.feedback.forms.templates import (
    QuestionFormSet,
    TemplateForm,
    initial_questions,
    rearranged,
)
from citypeers.feedback.models import SurveyTemplate
from citypeers.feedback.selectors.templates import (
    templates_of_programme,
    version_newest,
    versions_of_template,
)
from citypeers.feedback.services.templates import template_customise, template_version_save
from citypeers.programmes.models import Programme

MANAGE = "feedback.manage_templates"


def _programme(*, programme: str, **_kwargs) -> Programme:
    return get_object_or_404(Programme, slug=programme)


@permission_required(MANAGE, _programme)
def templates_page(request: HttpRequest, programme: str, obj: Programme) -> HttpResponse:
    rows = templates_of_programme(programme=obj)
    return render(request, "feedback/template_list.html", {"programme": obj, "rows": rows})


@require_POST
@permission_required(MANAGE, _programme)
def customise(request: HttpRequest, programme: str, pk: int, obj: Programme) -> HttpResponse:
    house = get_object_or_404(SurveyTemplate, pk=pk, programme__isnull=True)
    try:
        copy = template_customise(programme=obj, template=house, by=request.user)
    except FeedbackError as error:
        messages.error(request, error.message)
        return redirect("feedback:templates", programme=obj.slug)
    messages.success(request, _("The programme has its own copy now: edit its questions here."))
    return redirect("feedback:template_edit", programme=obj.slug, pk=copy.pk)


@permission_required(MANAGE, _programme)
def edit(request: HttpRequest, programme: str, pk: int, obj: Programme) -> HttpResponse:
    """Buttons that add, remove or move a question show the form again; only Save saves."""
    template = get_object_or_404(SurveyTemplate, pk=pk, programme=obj)
    current = version_newest(template=template)
    action = request.POST.get("action", "save")
    if request.method == "POST" and action != "save":
        top, rows = rearranged(request.POST, action)
        form, questions = TemplateForm(initial=top), QuestionFormSet(initial=rows)
    elif request.method == "POST":
        form, questions = TemplateForm(request.POST), QuestionFormSet(request.POST)
        if form.is_valid() and questions.is_valid():
            try:
                version = template_version_save(
                    template=template,
                    introduction=form.cleaned_data["introduction"],
                    questions=[row.draft() for row in questions],
                    change_note=form.cleaned_data["change_note"],
                    by=request.user,
                )
            except FeedbackError as error:
                add_error_to_form(form, error)
            else:
                messages.success(
                    request, _("Saved as version %(number)s.") % {"number": version.number}
                )
                return redirect("feedback:template_versions", programme=obj.slug, pk=template.pk)
    else:
        form = TemplateForm(initial={"introduction": current.introduction if current else ""})
        questions = QuestionFormSet(initial=initial_questions(current) if current else [])
    context = {
        "programme": obj,
        "template": template,
        "current": current,
        "form": form,
        "questions": questions,
    }
    return render(request, "feedback/template_edit.html", context)


@permission_required(MANAGE, _programme)
def versions(request: HttpRequest, programme: str, pk: int, obj: Programme) -> HttpResponse:
    template = get_object_or_404(SurveyTemplate, pk=pk, programme=obj)
    context = {
        "programme": obj,
        "template": template,
        "versions": versions_of_template(template=template),
    }
    return render(request, "feedback/template_versions.html", context)
