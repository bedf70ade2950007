"""The team's workspace: tasks ticked off and given owners, the agenda published or hidden."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from citypeers.core.http import permission_required
from citypeers.programmes.models import Visit
from citypeers.visits.forms import TaskChecklistForm, TaskOwnerForm
from citypeers.visits.models import VisitTask
from citypeers.visits.permissions import is_finished_visit
from citypeers.visits.selectors.links import visit_links
from citypeers.visits.selectors.pages import plan_of, planner_query
from citypeers.visits.selectors.workspace import team_of, workspace_of
from citypeers.visits.services import agenda
from citypeers.visits.services.work import task_assign, task_checklist_tick, task_set_done
from citypeers.visits.views.guards import read_only_once_finished, visit_in_address


@permission_required("visits.run_visit", visit_in_address)
def workspace(request: HttpRequest, programme: str, visit: str, obj: Visit) -> HttpResponse:
    plan = plan_of(obj)
    team = team_of(obj)
    today = timezone.localdate()
    space = workspace_of(obj, today=today)
    context = {
        "visit": obj,
        "plan": plan,
        "may_plan": request.user.has_perm("visits.plan_visit", obj),
        "planner_query": planner_query(obj),
        "space": space,
        "team": team,
        "today": today,
        "finished": is_finished_visit(request.user, obj),
        "links": visit_links(obj, request.user),
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
@read_only_once_finished
@permission_required("visits.change_task", _task)
def task_update(request: HttpRequest, programme: str, visit: str, pk: int, obj: VisitTask):
    task = obj
    action = request.POST.get("action")
    if action in {"done", "reopen"}:
        task_set_done(task=task, by=request.user, done=action == "done")
        message = _("“%(task)s” is done.") if action == "done" else _("“%(task)s” is open again.")
        messages.success(request, message % {"task": task.title})
    elif action == "assign":
        form = TaskOwnerForm(request.POST, team=team_of(task.visit))
        if form.is_valid():
            task_assign(task=task, by=request.user, owner=form.chosen_owner())
            messages.success(request, _("The owner of “%(task)s” is saved.") % {"task": task.title})
    elif action == "checklist":
        form = TaskChecklistForm(request.POST, task=task)
        if form.is_valid():
            ticked, shown = (set(form.cleaned_data[name]) for name in ("ticked", "shown"))
            task_checklist_tick(task=task, by=request.user, ticked=ticked, shown=shown)
            messages.success(request, _("“%(title)s” is saved.") % {"title": task.title})
    return redirect(f"{request.path.rsplit('/tasks/', 1)[0]}/workspace/#task-{task.pk}")


@require_POST
@read_only_once_finished
@permission_required("visits.publish_agenda", visit_in_address)
def agenda_publish(request: HttpRequest, programme: str, visit: str, obj: Visit):
    published = request.POST.get("published") == "yes"
    agenda.agenda_publish(visit=obj, by=request.user, published=published)
    messages.success(
        request, _("The agenda is public.") if published else _("The agenda is hidden.")
    )
    return redirect("visits:workspace", programme=programme, visit=visit)
