"""Visit templates: each version's page, what changed between two, and editing (a new version)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from citypeers.core import languages
from citypeers.core.errors import MethodologyError
from citypeers.core.http import add_error_to_form, permission_required, whole_number
from citypeers.methodology.forms.formsets import kept
from citypeers.methodology.forms.templates import (
    AgendaFormSet,
    StepFormSet,
    VersionForm,
    agenda_initial,
    step_initial,
)
from citypeers.methodology.models import TemplateVersion, VisitTemplate
from citypeers.methodology.models.templates import VERSION_FIGURES
from citypeers.methodology.selectors.changes import version_changes
from citypeers.methodology.selectors.templates import (
    current_version,
    steps_coverage,
    version_content,
    version_of,
    versions_of,
    versions_with_content,
)
from citypeers.methodology.services.templates import template_save_version


def _version_page(request: HttpRequest, version: TemplateVersion, *, is_current: bool):
    phases, days = version_content(version)
    context = {
        "template": version.template,
        "version": version,
        "is_current": is_current,
        "phases": phases,
        "days": days,
        "versions": versions_of(version.template),
        "can_edit": request.user.has_perm("methodology.change_methodology"),
    }
    return render(request, "methodology/template_detail.html", context)


def template_detail(request: HttpRequest, slug: str) -> HttpResponse:
    template = get_object_or_404(VisitTemplate, slug=slug)
    version = current_version(template)
    if version is None:
        raise Http404
    return _version_page(request, version, is_current=True)


def template_version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    try:
        version = version_of(slug, number)
    except TemplateVersion.DoesNotExist:
        raise Http404 from None
    latest = current_version(version.template)
    return _version_page(request, version, is_current=version.pk == latest.pk)


def template_changes(request: HttpRequest, slug: str) -> HttpResponse:
    """What changed from version `from` to version `to` (by default the last two)."""
    template = get_object_or_404(VisitTemplate, slug=slug)
    numbers = list(versions_of(template).values_list("number", flat=True))
    if not numbers:
        raise Http404
    after = _number(request.GET.get("to"), numbers, default=numbers[0])
    earlier = [number for number in numbers if number < after]
    before = _number(request.GET.get("from"), numbers, default=max(earlier, default=after))
    versions = versions_with_content(template, {before, after})
    context = {
        "template": template,
        "numbers": numbers,
        "before": versions[before],
        "after": versions[after],
        "changes": version_changes(versions[before], versions[after]),
    }
    return render(request, "methodology/template_changes.html", context)


def _number(value: str | None, numbers: list[int], *, default: int) -> int:
    number = whole_number(value)
    return number if number in numbers else default


@permission_required("methodology.change_methodology")
def template_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """The texts are edited in `?language=` (an offered one; else the page's language)."""
    template = get_object_or_404(VisitTemplate, slug=slug)
    current = current_version(template)
    language = request.GET.get("language")
    language = language if languages.is_offered(language) else get_language()
    data = request.POST if request.method == "POST" else None
    form = VersionForm(data, instance=current, initial={"note": ""})
    steps = StepFormSet(
        data,
        prefix="steps",
        initial=step_initial(current, language),
        form_kwargs={"language": language},
    )
    agenda = AgendaFormSet(data, prefix="agenda", initial=agenda_initial(current))
    if request.method == "POST" and form.is_valid() and steps.is_valid() and agenda.is_valid():
        try:
            version = template_save_version(
                template=template,
                by=request.user,
                language=language,
                figures={name: form.cleaned_data[name] for name in VERSION_FIGURES},
                note=form.cleaned_data["note"],
                steps=kept(steps),
                agenda=kept(agenda),
            )
        except MethodologyError as error:
            add_error_to_form(form, error)
        else:
            return _after_saving(request, template, current, version)
    context = {
        "template": template,
        "version": current,
        "form": form,
        "steps": steps,
        "agenda": agenda,
        "language": language,
        "languages": languages.offered_languages(),
        "coverage": steps_coverage(current),
    }
    return render(request, "methodology/template_form.html", context)


def _after_saving(request, template, current, version) -> HttpResponse:
    if version is None:
        messages.info(request, _("Nothing changed, so no new version was saved."))
        return redirect(template)
    saved = _("Version %(number)s is saved. Visits planned with earlier versions keep theirs.")
    messages.success(request, saved % {"number": version.number})
    return redirect(
        f"{reverse('methodology:template_changes', args=[template.slug])}"
        f"?from={current.number}&to={version.number}"
    )
