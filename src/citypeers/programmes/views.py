import json

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from citypeers.core.errors import MembershipError, ThemeError
from citypeers.core.http import (
    add_error_to_form,
    export_recorded,
    export_response,
    paginate,
    permission_required,
    query_without_page,
    requested_export,
)
from citypeers.core.selectors import audit_chain_state, audit_entries, audit_kinds_and_actors
from citypeers.core.translated import translations_of
from citypeers.programmes.forms import AuditFilterForm, MembershipAddForm, ThemeForm
from citypeers.programmes.models import Membership, Programme, Theme
from citypeers.programmes.selectors import (
    programme_detail,
    programme_links,
    programme_members,
    programme_tools,
    programmes_list,
    themes_with_counts,
)
from citypeers.programmes.services import membership_add, membership_remove, theme_save


def _programme(*, slug: str, **_kwargs) -> Programme:
    return get_object_or_404(Programme, slug=slug)


def programme_list(request: HttpRequest) -> HttpResponse:
    page = paginate(request, programmes_list(), per_page=20)
    return render(request, "programmes/list.html", {"page": page})


def programme_view(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        programme = programme_detail(slug=slug)
    except Programme.DoesNotExist:
        raise Http404 from None
    context = {
        "programme": programme,
        "can_manage": request.user.has_perm("programmes.manage_members", programme),
        "can_read_audit": request.user.has_perm("programmes.view_audit", programme),
        "can_change_rooms": request.user.has_perm("programmes.change_rooms", programme),
        "can_change_data_licence": request.user.has_perm(
            "programmes.change_data_licence", programme
        ),
        "links": programme_links(programme),
        "tools": programme_tools(programme, request.user),
    }
    return render(request, "programmes/detail.html", context)


@permission_required("programmes.manage_members", _programme)
def members(request: HttpRequest, slug: str, obj: Programme) -> HttpResponse:
    memberships = programme_members(programme=obj)
    if export_format := requested_export(request):
        rows = len(memberships)
        export_recorded(request, obj, what="members", rows=rows)
        return export_response(
            headers=[_("Name"), _("E-mail address"), _("Organisation"), _("Role"), _("Visit")],
            rows=(
                (
                    m.user.display_name,
                    m.user.email,
                    m.user.organisation or "",
                    m.get_role_display(),
                    m.visit or _("The whole programme"),
                )
                for m in memberships
            ),
            filename=f"{obj.slug}-members",
            export_format=export_format,
        )
    form = MembershipAddForm(request.POST or None, programme=obj)
    if request.method == "POST" and form.is_valid():
        try:
            membership = membership_add(programme=obj, by=request.user, **form.cleaned_data)
        except MembershipError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("%(membership)s added.") % {"membership": membership})
            return redirect("programmes:members", slug=obj.slug)
    context = {"programme": obj, "page": paginate(request, memberships, per_page=50), "form": form}
    return render(request, "programmes/members.html", context)


@permission_required("programmes.manage_members", _programme)
def member_remove(request: HttpRequest, slug: str, pk: int, obj: Programme) -> HttpResponse:
    membership = get_object_or_404(
        Membership.objects.select_related("user", "visit"), pk=pk, programme=obj
    )
    error = None
    if request.method == "POST":
        try:
            membership_remove(membership=membership, by=request.user)
        except MembershipError as refusal:
            error = refusal.message
        else:
            messages.success(request, _("%(membership)s removed.") % {"membership": membership})
            return redirect("programmes:members", slug=obj.slug)
    context = {"programme": obj, "membership": membership, "error": error}
    return render(request, "programmes/member_remove.html", context, status=400 if error else 200)


@permission_required("programmes.manage_themes")
def themes(request: HttpRequest) -> HttpResponse:
    form = ThemeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            theme = theme_save(by=request.user, **form.cleaned_data)
        except ThemeError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("Theme “%(name)s” added.") % {"name": theme.name})
            return redirect("programmes:themes")
    context = {"themes": themes_with_counts(), "form": form}
    return render(request, "programmes/themes.html", context)


@permission_required("programmes.manage_themes")
def theme_edit(request: HttpRequest, slug: str) -> HttpResponse:
    theme = get_object_or_404(Theme, slug=slug)
    form = ThemeForm(
        request.POST or None,
        initial={
            "name": translations_of(theme, "name"),
            "description": translations_of(theme, "description"),
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            theme_save(theme=theme, by=request.user, **form.cleaned_data)
        except ThemeError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("Theme saved."))
            return redirect("programmes:themes")
    return render(request, "programmes/theme_form.html", {"theme": theme, "form": form})


def _audit_headers() -> list[str]:
    return [
        _("When"),
        _("Who"),
        _("Action"),
        _("Object"),
        _("Object type"),
        _("Object id"),
        _("What changed"),
    ]


def _audit_rows(entries) -> list[tuple]:
    """The entries as the download gives them: times in the reader's zone, changes as JSON."""
    return [
        (
            timezone.localtime(entry.at).isoformat(timespec="seconds"),
            str(entry.actor or ""),
            entry.action,
            entry.object_repr,
            entry.object_type,
            entry.object_id,
            json.dumps(entry.changes, ensure_ascii=False, sort_keys=True),
        )
        for entry in entries
    ]


@permission_required("programmes.view_audit", _programme)
def audit_trail(request: HttpRequest, slug: str, obj: Programme) -> HttpResponse:
    kinds, actors = audit_kinds_and_actors(programme_id=obj.pk)
    form = AuditFilterForm(request.GET or None, kinds=kinds, actors=actors)
    bounds = form.bounds()
    entries = audit_entries(programme_id=obj.pk, **bounds)
    if export_format := requested_export(request):
        rows = _audit_rows(entries)
        export_recorded(request, obj, what="audit", rows=len(rows))
        return export_response(
            headers=_audit_headers(),
            rows=rows,
            filename=f"{obj.slug}-audit",
            export_format=export_format,
        )
    context = {
        "programme": obj,
        "form": form,
        "page": paginate(request, entries, per_page=50),
        "query": query_without_page(request),
        "chain": audit_chain_state(),
        "filtered": any(bounds.values()),
    }
    return render(request, "programmes/audit.html", context)
