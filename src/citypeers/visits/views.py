from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.core.errors import VisitError
from citypeers.core.http import add_error_to_form, permission_required
from citypeers.methodology.selectors.planner import plan_template
from citypeers.methodology.selectors.planning import make_plan
from citypeers.methodology.views.planner import planner_form
from citypeers.programmes.models import Visit
from citypeers.visits import selectors, services
from citypeers.visits.forms import PlanForVisitForm, TaskOwnerForm, VisitFromPlanForm
from citypeers.visits.models import VisitTask
from citypeers.visits.permissions import has_a_plan, is_finished_visit


def _visit(*, programme: str, visit: str, **_kwargs) -> Visit:
    return get_object_or_404(Visit, programme__slug=programme, slug=visit)


def _read_only_once_finished(view):
    """A finished visit's workspace is its record: a change is refused (403) with the reason,
    for everyone; the permissions say the same, this says why."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if request.user.is_authenticated and is_finished_visit(request.user, _visit(**kwargs)):
            raise PermissionDenied(
                _("This visit is over: its workspace is kept as it was, read-only.")
            )
        return view(request, *args, **kwargs)

    return wrapped


def _plannable(view):
    """A visit gets one plan, before it is over: past that, giving it one is refused (403) with
    the reason; the permission says the same, this says why."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs):
        if request.user.is_authenticated:
            visit = _visit(**kwargs)
            if has_a_plan(request.user, visit):
                raise PermissionDenied(
                    _("This visit has a plan already: its tasks are in its workspace.")
                )
            if is_finished_visit(request.user, visit):
                raise PermissionDenied(_("This visit is over: it can no longer get a plan."))
        return view(request, *args, **kwargs)

    return wrapped


@permission_required("visits.create_visit")
def create_from_plan(request: HttpRequest) -> HttpResponse:
    """The planner's parameters (in the address) plus programme, title and host."""
    plan_form, _versions = planner_form(request.GET)
    if plan_form is None or not plan_form.is_valid():
        messages.error(request, _("The plan has problems to fix first."))
        return redirect(f"{reverse('planner:plan')}?{request.GET.urlencode()}")
    form = VisitFromPlanForm(
        request.POST or None, user=request.user, initial={"title": plan_form.cleaned_data["topic"]}
    )
    if request.method == "POST" and form.is_valid():
        try:
            visit = services.visit_create_from_plan(
                programme=form.cleaned_data["programme"],
                by=request.user,
                title=form.cleaned_data["title"],
                host_place=form.cleaned_data["host_place"],
                practice=form.cleaned_data["practice"],
                version=plan_form.version,
                request=plan_form.plan_request(),
            )
        except VisitError as error:
            add_error_to_form(form, error)
        else:
            messages.success(request, _("The visit is planned: its tasks and agenda are ready."))
            return redirect("visits:workspace", programme=visit.programme.slug, visit=visit.slug)
    context = {
        "form": form,
        "plan_form": plan_form,
        "version": plan_form.version,
    }
    return render(request, "visits/create_from_plan.html", context)


def visit_page(request: HttpRequest, programme: str, visit: str) -> HttpResponse:
    try:
        obj = selectors.visit_for_page(programme, visit)
    except Visit.DoesNotExist:
        raise Http404 from None
    plan = selectors.plan_of(obj)
    context = {
        "visit": obj,
        "plan": plan,
        "sessions": list(obj.sessions.all()) if plan and plan.agenda_published else [],
        "can_run": request.user.has_perm("visits.run_visit", obj),
        "viewer_zone": getattr(request.user, "time_zone", None),
        "today": timezone.localdate(),
    }
    return render(request, "visits/visit.html", context)


@permission_required("visits.run_visit", _visit)
def workspace(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    plan = selectors.plan_of(obj)
    team = selectors.team_of(obj)
    today = timezone.localdate()
    space = selectors.workspace_of(obj, today=today)
    context = {
        "visit": obj,
        "plan": plan,
        "may_plan": request.user.has_perm("visits.plan_visit", obj),
        "planner_query": selectors.planner_query(obj),
        "space": space,
        "team": team,
        "today": today,
        "finished": is_finished_visit(request.user, obj),
        "may_publish": request.user.has_perm("visits.publish_agenda", obj),
        "changeable": {
            task.pk for task in space.tasks if request.user.has_perm("visits.change_task", task)
        },
    }
    return render(request, "visits/workspace.html", context)


def _task(*, programme: str, visit: str, pk: int, **_kwargs) -> VisitTask:
    visits = Visit.objects.filter(programme__slug=programme, slug=visit)
    return get_object_or_404(VisitTask.objects.select_related("visit"), pk=pk, visit__in=visits)


@require_POST
@_read_only_once_finished
@permission_required("visits.change_task", _task)
def task_update(request: HttpRequest, programme: str, visit: str, pk: int, obj: VisitTask):
    task = obj
    action = request.POST.get("action")
    if action in {"done", "reopen"}:
        services.task_set_done(task=task, by=request.user, done=action == "done")
        message = _("“%(task)s” is done.") if action == "done" else _("“%(task)s” is open again.")
        messages.success(request, message % {"task": task.title})
    elif action == "assign":
        form = TaskOwnerForm(request.POST, team=selectors.team_of(task.visit))
        if form.is_valid():
            services.task_assign(task=task, by=request.user, owner=form.chosen_owner())
            messages.success(request, _("The owner of “%(task)s” is saved.") % {"task": task.title})
    return redirect(f"{request.path.rsplit('/tasks/', 1)[0]}/workspace/#task-{task.pk}")


@require_POST
@_read_only_once_finished
@permission_required("visits.publish_agenda", _visit)
def agenda_publish(request: HttpRequest, programme: str, visit: str, obj: Visit):
    published = request.POST.get("published") == "yes"
    services.agenda_publish(visit=obj, by=request.user, published=published)
    messages.success(
        request, _("The agenda is public.") if published else _("The agenda is hidden.")
    )
    return redirect("visits:workspace", programme=programme, visit=visit)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """My visits: those the person runs, with their status, and those they take part in."""
    today = timezone.localdate()
    mine = selectors.my_visits(request.user, today=today)
    entries = mine.upcoming + mine.past
    context = {
        "mine": mine,
        "today": today,
        "may_plan": {
            entry.visit.pk
            for entry in entries
            if entry.status and request.user.has_perm("visits.plan_visit", entry.visit)
        },
        "may_create": not entries and request.user.has_perm("visits.create_visit"),
    }
    return render(request, "visits/dashboard.html", context)


@_plannable
@permission_required("visits.plan_visit", _visit)
def apply_plan(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    """The planner's parameters (in the address) given to a visit that has no plan: what will
    happen, then, on POST, the tasks and agenda."""
    plan_form, _versions = planner_form(request.GET)
    if plan_form is None or not plan_form.is_valid():
        messages.error(request, _("The plan has problems to fix first."))
        return redirect(f"{reverse('planner:plan')}?{request.GET.urlencode()}")
    version = plan_form.version  # the template chosen in the planner
    form = PlanForVisitForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.visit_apply_plan(
                visit=obj,
                by=request.user,
                practice=form.cleaned_data["practice"],
                version=version,
                request=plan_form.plan_request(),
            )
        except VisitError as error:  # given a plan a moment ago (a double click)
            messages.error(request, error.message)
        else:
            messages.success(request, _("The visit is planned: its tasks and agenda are ready."))
        return redirect("visits:workspace", programme=programme, visit=visit)
    plan = make_plan(plan_template(version), plan_form.plan_request(), today=timezone.localdate())
    context = {"visit": obj, "form": form, "plan": plan, "version": version}
    return render(request, "visits/apply_plan.html", context)
