from django.urls import path

from citypeers.visits.views import (
    agenda,
    attendance,
    breakouts,
    feeds,
    pack,
    pages,
    plans,
    recommendations,
    resources,
    rooms,
    roster,
    workspace,
)

app_name = "visits"
visit = "programmes/<slug:programme>/visits/<slug:visit>/"
urlpatterns = [
    path("visits/", pages.dashboard, name="dashboard"),
    path("visits/new/", plans.create_from_plan, name="create_from_plan"),
    path(visit, pages.visit_page, name="visit"),
    path(visit + "workspace/", workspace.workspace, name="workspace"),
    path(visit + "plan/", plans.apply_plan, name="apply_plan"),
    path(visit + "agenda/", workspace.agenda_publish, name="agenda_publish"),
    path(visit + "agenda/print/", rooms.agenda_print, name="agenda_print"),
    path(visit + "agenda/edit/", agenda.agenda, name="agenda"),
    path(visit + "agenda/edit/daily-time/", agenda.daily_time, name="agenda_daily_time"),
    path(visit + "agenda/edit/day/<int:day>/add/", agenda.session_new, name="agenda_session_add"),
    path(visit + "agenda/edit/<int:pk>/", agenda.session_edit, name="agenda_session"),
    path(
        visit + "agenda/edit/<int:pk>/delete/", agenda.session_remove, name="agenda_session_delete"
    ),
    path(visit + "sessions/<int:pk>/join/", rooms.join, name="join"),
    path(visit + "sessions/<int:pk>/groups/<int:group>/join/", rooms.join_group, name="join_group"),
    path(
        visit + "sessions/<int:pk>/resources/",
        resources.session_resources,
        name="session_resources",
    ),
    path(
        visit + "sessions/<int:pk>/resources/<int:resource>/remove/",
        resources.session_resource_delete,
        name="session_resource_delete",
    ),
    path(visit + "sessions/<int:pk>/groups/", breakouts.groups, name="groups"),
    path(
        visit + "sessions/<int:pk>/groups/generate/",
        breakouts.groups_generate,
        name="groups_generate",
    ),
    path(visit + "sessions/<int:pk>/groups/move/", breakouts.groups_move, name="groups_move"),
    path(
        visit + "sessions/<int:pk>/groups/dropout/",
        breakouts.groups_dropout,
        name="groups_dropout",
    ),
    path(visit + "tasks/<int:pk>/", workspace.task_update, name="task_update"),
    path(visit + "agenda.ics", feeds.visit_ics, name="visit_ics"),
    path("me/calendar/", feeds.calendar, name="calendar"),
    path("me/calendar/new/", feeds.calendar_renew, name="calendar_renew"),
    path("me/calendar/stop/", feeds.calendar_stop, name="calendar_stop"),
    path("calendar/<str:token>.ics", feeds.calendar_feed, name="calendar_feed"),
    path(visit + "people/", roster.roster, name="roster"),
    path(visit + "people/interpreting/", roster.interpreting, name="interpreting"),
    path(visit + "pack.pdf", pack.pack, name="pack"),
    path(visit + "recommendations/", recommendations.recommendations, name="recommendations"),
    path(
        visit + "recommendations/<int:pk>/answer/",
        recommendations.recommendation_reply,
        name="recommendation_answer",
    ),
    path(visit + "questionnaire/", roster.questionnaire, name="questionnaire"),
    path(visit + "sessions/<int:pk>/attendance/", attendance.attendance, name="attendance"),
    path(
        visit + "sessions/<int:pk>/check-in/<str:signature>/",
        attendance.check_in,
        name="check_in",
    ),
]
